// The application menu has the standard roles and shortcuts, no duplicate accelerators, and the
// app menu first on macOS; developer tools only in development.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate, type FileActions } from '../../../main/electron/menu.ts'

const clicked: string[] = []
const file: FileActions = {
  newProject: () => void clicked.push('new'),
  open: () => void clicked.push('open'),
  save: () => void clicked.push('save'),
  saveAs: () => void clicked.push('saveAs'),
}

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter(Boolean)

describe('menuTemplate', () => {
  for (const isMac of [false, true]) {
    it(`has the standard edit, view and window roles (${isMac ? 'macOS' : 'Linux/Windows'})`, () => {
      const r = roles(menuTemplate({ appName: 'Receptive', isMac, isDev: false, file }))
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'minimize', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
        expect(r).toContain(role)
      }
      expect(r).toContain(isMac ? 'close' : 'quit')
      expect(r).not.toContain('toggleDevTools')
    })
  }

  it('puts the app menu first on macOS only', () => {
    expect(menuTemplate({ appName: 'Receptive', isMac: true, isDev: false, file })[0].label).toBe('Receptive')
    expect(menuTemplate({ appName: 'Receptive', isMac: false, isDev: false, file })[0].label).toBe('File')
  })

  it('uses CmdOrCtrl+Z and Shift+CmdOrCtrl+Z, with no accelerator twice', () => {
    const items = flatten(menuTemplate({ appName: 'Receptive', isMac: false, isDev: true, file }))
    expect(items.find((i) => i.role === 'undo')?.accelerator).toBe('CmdOrCtrl+Z')
    expect(items.find((i) => i.role === 'redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z')
    const accelerators = items.map((i) => i.accelerator).filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('has Open Recent (with Clear) on macOS only, where the system keeps the list', () => {
    expect(roles(menuTemplate({ appName: 'Receptive', isMac: true, isDev: false, file }))).toEqual(expect.arrayContaining(['recentDocuments', 'clearRecentDocuments']))
    expect(roles(menuTemplate({ appName: 'Receptive', isMac: false, isDev: false, file }))).not.toContain('recentDocuments')
  })

  it('offers developer tools in development only', () => {
    expect(roles(menuTemplate({ appName: 'Receptive', isMac: false, isDev: true, file }))).toContain('toggleDevTools')
  })

  it('has New, Open, Save and Save As with their shortcuts, each running its action', () => {
    const items = flatten(menuTemplate({ appName: 'Receptive', isMac: false, isDev: false, file }))
    const shortcuts = { 'New Project': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', Save: 'CmdOrCtrl+S', 'Save As…': 'Shift+CmdOrCtrl+S' }
    for (const [label, accelerator] of Object.entries(shortcuts)) {
      const item = items.find((i) => i.label === label)
      expect(item?.accelerator).toBe(accelerator)
      ;(item?.click as () => void)()
    }
    expect(clicked).toEqual(['new', 'open', 'save', 'saveAs'])
  })
})
