// The project commands and their keys: Ctrl+N, Ctrl+O, Ctrl+S, Ctrl+Shift+S (Cmd on macOS).
// Under Electron the native File menu owns these keys; the page handles them in browser mode only.

export type ProjectCommand = 'new' | 'open' | 'save' | 'saveAs'

/** the fields of a KeyboardEvent the mapping reads */
export interface KeyLike { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }

export function projectShortcut(e: KeyLike, isMac: boolean): ProjectCommand | null {
  if (!(isMac ? e.metaKey : e.ctrlKey) || e.altKey) return null
  const key = e.key.toLowerCase()
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save'
  if (e.shiftKey) return null
  return key === 'n' ? 'new' : key === 'o' ? 'open' : null
}
