// The application menu: standard roles with their usual shortcuts, the macOS app menu first on
// macOS, and the project items (new, open, Open Recent on macOS, save, save as) in the File menu. Built
// as a template so tests can read it without Electron; the project actions come in as plain functions.
import type { MenuItemConstructorOptions } from 'electron'

/** what the File menu's project items do (main/electron/file-actions.ts) */
export interface FileActions { newProject(): void; open(): void; save(): void; saveAs(): void }

export interface MenuSettings { appName: string; isMac: boolean; isDev: boolean; file: FileActions }

const sep: MenuItemConstructorOptions = { type: 'separator' }

export function menuTemplate({ appName, isMac, isDev, file: act }: MenuSettings): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  }
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Project', accelerator: 'CmdOrCtrl+N', click: () => act.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => act.open() },
      // macOS fills this from app.addRecentDocument; choosing an entry arrives as 'open-file'
      ...(isMac ? [{ label: 'Open Recent', role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] }] satisfies MenuItemConstructorOptions[] : []),
      sep,
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => act.save() },
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: () => act.saveAs() },
      sep,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: 'Shift+CmdOrCtrl+Z' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(isDev ? [sep, { role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[] : []),
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  }
  return [...(isMac ? [appMenu] : []), file, edit, view, windowMenu]
}
