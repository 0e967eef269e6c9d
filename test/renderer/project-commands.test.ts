// The page's project commands: which keys map to which command, and what each command does against
// main's real handlers (an in-process Api over a temporary project).
import { afterEach, describe, expect, it } from 'vitest'
import type { Api } from '../../preload/contract.ts'
import { runProjectCommand, type PathRequest } from '../../renderer/lib/project/commands.ts'
import { beforeProjectSwitch } from '../../renderer/lib/project/pending-saves.ts'
import { projectShortcut } from '../../renderer/lib/project/shortcuts.ts'
import { tempProjects, type TempProjects } from '../main/temp-projects.ts'
import { handlersApi } from './handlers-api.ts'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('projectShortcut', () => {
  it('maps Ctrl (Cmd on macOS) + N, O, S and Shift+S', () => {
    expect(projectShortcut(key('n', { ctrlKey: true }), false)).toBe('new')
    expect(projectShortcut(key('o', { ctrlKey: true }), false)).toBe('open')
    expect(projectShortcut(key('s', { ctrlKey: true }), false)).toBe('save')
    expect(projectShortcut(key('S', { ctrlKey: true, shiftKey: true }), false)).toBe('saveAs')
    expect(projectShortcut(key('s', { metaKey: true }), true)).toBe('save')
  })

  it('ignores plain keys, Alt chords, the other platform\'s modifier and other letters', () => {
    expect(projectShortcut(key('s'), false)).toBeNull()
    expect(projectShortcut(key('s', { ctrlKey: true, altKey: true }), false)).toBeNull()
    expect(projectShortcut(key('s', { metaKey: true }), false)).toBeNull()
    expect(projectShortcut(key('s', { ctrlKey: true }), true)).toBeNull()
    expect(projectShortcut(key('z', { ctrlKey: true }), false)).toBeNull()
    expect(projectShortcut(key('N', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
  })
})

describe('runProjectCommand', () => {
  let temp: TempProjects
  afterEach(() => temp.dispose())

  function localApi(): Api {
    return handlersApi({ projects: temp.projects })
  }

  it('Save of an untitled project asks for a path; of a saved one, saves', async () => {
    temp = tempProjects()
    const api = localApi()
    const asked: PathRequest[] = []
    expect(await runProjectCommand(api, 'save', await api.invoke('project.current'), (r) => void asked.push(r))).toBeNull()
    expect(asked).toEqual(['saveAs'])
    const saved = await api.invoke('project.saveAs', { path: 'named' })
    expect(await runProjectCommand(api, 'save', saved, (r) => void asked.push(r))).toEqual(saved)
    expect(asked).toEqual(['saveAs'])
  })

  it('Open and Save As ask for a path, New makes an untitled project at once', async () => {
    temp = tempProjects()
    const api = localApi()
    await api.invoke('project.saveAs', { path: 'before' })
    const asked: PathRequest[] = []
    await runProjectCommand(api, 'open', null, (r) => void asked.push(r))
    await runProjectCommand(api, 'saveAs', null, (r) => void asked.push(r))
    expect(asked).toEqual(['open', 'saveAs'])
    expect(await runProjectCommand(api, 'new', null, () => {})).toEqual({ name: 'Untitled', path: null })
  })

  it('lands a pending autosave in the old project before New replaces it', async () => {
    temp = tempProjects()
    const api = localApi()
    const saved = await api.invoke('project.saveAs', { path: 'kept' })
    const read = await api.invoke('graph.get')
    const edit = { spec: { ...read.spec, nodes: read.spec.nodes.slice(0, 2), output: read.spec.nodes[1].id }, layout: {}, project: read.project }
    // an autosave still waiting for its debounce when the command runs
    const off = beforeProjectSwitch(() => api.invoke('graph.save', edit))
    try {
      expect(await runProjectCommand(api, 'new', saved, () => {})).toEqual({ name: 'Untitled', path: null })
    } finally {
      off()
    }
    expect((await api.invoke('graph.get')).spec.nodes).toHaveLength(13)
    await api.invoke('project.open', { path: saved.path! })
    expect((await api.invoke('graph.get')).spec.nodes).toHaveLength(2)
  })
})
