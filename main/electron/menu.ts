// The application menu: standard roles with their usual shortcuts, the macOS app menu first on
// macOS. Built as a template so tests can read it without Electron. Project items (new, open,
// save) join the File menu with the projects issue.
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuSettings { appName: string; isMac: boolean; isDev: boolean }

const sep: MenuItemConstructorOptions = { type: 'separator' }

export function menuTemplate({ appName, isMac, isDev }: MenuSettings): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  }
  const file: MenuItemConstructorOptions = { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] }
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
