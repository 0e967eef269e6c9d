// The File menu's actions with scripted dialogs and a real project service: cancelling does nothing,
// Save on an untitled project asks for a file, and failures reach an error box instead of throwing.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileActions, type Dialogs } from '../../../main/electron/file-actions.ts'
import { tempProjects, type TempProjects } from '../temp-projects.ts'

let temp: TempProjects
afterEach(() => temp.dispose())

function scripted(answers: { open?: string | null; save?: string | null; unsaved?: 'save' | 'discard' | 'cancel' }) {
  const seen = { suggested: [] as string[], errors: [] as string[], asked: 0 }
  const dialogs: Dialogs = {
    openPath: async () => answers.open ?? null,
    savePath: async (suggested) => (seen.suggested.push(suggested), answers.save ?? null),
    error: (title, message) => void seen.errors.push(`${title}: ${message}`),
    askUnsaved: async () => (seen.asked++, answers.unsaved ?? 'cancel'),
  }
  return { dialogs, seen }
}

describe('fileActions', () => {
  it('Save on an untitled project asks where, then saves there (overwrite confirmed by the dialog)', async () => {
    temp = tempProjects()
    const target = join(temp.dir, 'chosen.receptive')
    writeFileSync(target, 'old')
    const { dialogs, seen } = scripted({ save: target })
    await fileActions(temp.projects, dialogs).save()
    expect(seen.suggested).toEqual(['Untitled.receptive'])
    expect(temp.projects.info()).toEqual({ name: 'chosen', path: target })
    expect(seen.errors).toEqual([])
  })

  it('cancelled dialogs change nothing', async () => {
    temp = tempProjects()
    const { dialogs, seen } = scripted({})
    const actions = fileActions(temp.projects, dialogs)
    await actions.open()
    await actions.saveAs()
    expect(temp.projects.info()).toEqual({ name: 'Untitled', path: null })
    expect(seen.errors).toEqual([])
  })

  it('a refused file is reported in an error box and the project stays open', async () => {
    temp = tempProjects()
    const bad = join(temp.dir, 'bad.receptive')
    writeFileSync(bad, 'not sqlite')
    const { dialogs, seen } = scripted({ open: bad })
    await fileActions(temp.projects, dialogs).open()
    expect(seen.errors).toHaveLength(1)
    expect(seen.errors[0]).toMatch(/^Could not open the project: .*not a Receptive project/)
    expect(temp.projects.info().path).toBeNull()
  })

  it('New replaces a saved project with an untitled one', async () => {
    temp = tempProjects()
    await temp.projects.saveAs('named')
    await fileActions(temp.projects, scripted({}).dialogs).newProject()
    expect(temp.projects.info()).toEqual({ name: 'Untitled', path: null })
  })
})
