// An untitled project that holds work is not thrown away unasked (RELIABILITY.md C4): New, Open and
// closing the window ask Save / Don't Save / Cancel, with a real project service on real files.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fileActions, type Dialogs } from '../../../main/electron/file-actions.ts'
import { closeGuard, untitledHasWork } from '../../../main/electron/unsaved-work.ts'
import { tempProjects, type TempProjects } from '../temp-projects.ts'

let temp: TempProjects
afterEach(() => temp.dispose())

function dialogs(unsaved: 'save' | 'discard' | 'cancel', save: string | null = null) {
  const seen = { asked: 0, errors: [] as string[] }
  const d: Dialogs = {
    openPath: async () => null,
    savePath: async () => save,
    error: (title, message) => void seen.errors.push(`${title}: ${message}`),
    askUnsaved: async () => (seen.asked++, unsaved),
  }
  return { d, seen }
}

/** an untitled project with an edited graph */
function edited(): void {
  temp = tempProjects()
  const { spec, layout, project } = temp.projects.graph()
  temp.projects.saveGraph({ spec: { ...spec, nodes: spec.nodes.slice(0, 1), output: spec.nodes[0].id }, layout, project })
}

describe('untitledHasWork', () => {
  it('is false for a fresh untitled project and for a saved one, true once the graph or datasets change', async () => {
    temp = tempProjects()
    expect(untitledHasWork(temp.projects)).toBe(false)
    temp.projects.current.datasets.put('digits', { kind: 'builtin' })
    expect(untitledHasWork(temp.projects)).toBe(true)
    await temp.projects.saveAs(join(temp.dir, 'kept'))
    expect(untitledHasWork(temp.projects)).toBe(false)
    temp.dispose()
    edited()
    expect(untitledHasWork(temp.projects)).toBe(true)
  })
})

describe('settleUnsaved (New, Open, close)', () => {
  it('does not ask when there is nothing to lose', async () => {
    temp = tempProjects()
    const { d, seen } = dialogs('cancel')
    expect(await fileActions(temp.projects, d).settleUnsaved()).toBe(true)
    expect(seen.asked).toBe(0)
  })

  it('Cancel keeps the untitled project and its file; New is not done', async () => {
    edited()
    const before = temp.projects.current.path
    const { d, seen } = dialogs('cancel')
    await fileActions(temp.projects, d).newProject()
    expect(seen.asked).toBe(1)
    expect(temp.projects.current.path).toBe(before)
    expect(existsSync(before)).toBe(true)
  })

  it("Don't Save lets New replace it, and its file goes", async () => {
    edited()
    const before = temp.projects.current.path
    await fileActions(temp.projects, dialogs('discard').d).newProject()
    expect(temp.projects.current.path).not.toBe(before)
    expect(existsSync(before)).toBe(false)
  })

  it('Save asks where; the work lands in that file before New replaces it', async () => {
    edited()
    const target = join(temp.dir, 'rescued.receptive')
    await fileActions(temp.projects, dialogs('save', target).d).newProject()
    expect(temp.projects.info()).toEqual({ name: 'Untitled', path: null })
    temp.projects.open(target)
    expect(temp.projects.graph().spec.nodes).toHaveLength(1)
  })

  it('a file opened from outside (second instance, Finder) asks first, then opens it', async () => {
    edited()
    const other = join(temp.dir, 'other.receptive')
    const { projects } = temp
    const elsewhere = tempProjects() // another service writes the file into this test's folder
    await elsewhere.projects.saveAs(other)
    elsewhere.dispose()
    const cancel = dialogs('cancel')
    await fileActions(projects, cancel.d).openFile(other)
    expect(cancel.seen.asked).toBe(1)
    expect(projects.info().path).toBeNull()
    await fileActions(projects, dialogs('discard').d).openFile(other)
    expect(projects.info().path).toBe(other)
  })

  it('Save with the save dialog cancelled keeps the untitled project', async () => {
    edited()
    const actions = fileActions(temp.projects, dialogs('save', null).d)
    expect(await actions.settleUnsaved()).toBe(false)
    expect(temp.projects.info().path).toBeNull()
    expect(untitledHasWork(temp.projects)).toBe(true)
  })
})

describe('closeGuard', () => {
  const closeEvent = () => ({ preventDefault: vi.fn() })

  it('holds the close while asking, then closes once and lets that close through', async () => {
    let answer!: (go: boolean) => void
    const settle = vi.fn(() => new Promise<boolean>((r) => (answer = r)))
    const close = vi.fn()
    const guard = closeGuard(settle, close)
    const first = closeEvent()
    guard(first)
    const again = closeEvent() // a second click while the question is open
    guard(again)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(again.preventDefault).toHaveBeenCalled()
    expect(settle).toHaveBeenCalledTimes(1)
    answer(true)
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1))
    const redone = closeEvent()
    guard(redone)
    expect(redone.preventDefault).not.toHaveBeenCalled()
  })

  it('a cancelled close keeps the window, and the next close asks again', async () => {
    const settle = vi.fn(async () => false)
    const close = vi.fn()
    const guard = closeGuard(settle, close)
    guard(closeEvent())
    await new Promise((r) => setTimeout(r, 0)) // the answer has been taken
    const next = closeEvent()
    guard(next)
    expect(next.preventDefault).toHaveBeenCalled()
    expect(settle).toHaveBeenCalledTimes(2)
    expect(close).not.toHaveBeenCalled()
  })
})
