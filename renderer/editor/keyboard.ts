// The editor's keyboard shortcuts, as a pure mapping from a key press to an action, so they can be
// tested without a DOM. Cmd stands in for Ctrl on macOS. Keys typed into a text field are not shortcuts.

export type Action =
  | { kind: 'delete' | 'undo' | 'redo' | 'selectAll' | 'copy' | 'cut' | 'paste' | 'duplicate' | 'find' | 'clear' | 'fit' | 'layout' }
  | { kind: 'nudge'; dx: number; dy: number }

export interface KeyPress { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }

const STEP = 10
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }
const WITH_MOD: Record<string, Action['kind']> = { a: 'selectAll', c: 'copy', x: 'cut', v: 'paste', d: 'duplicate', f: 'find', y: 'redo' }

export function actionFor(e: KeyPress, mac: boolean): Action | null {
  const mod = mac ? e.metaKey : e.ctrlKey
  if (e.altKey) return null
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod) {
    if (key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' }
    const kind = e.shiftKey ? (key === 'l' ? 'layout' : null) : WITH_MOD[key]
    return kind ? ({ kind } as Action) : null
  }
  if (key === 'Delete' || key === 'Backspace') return { kind: 'delete' }
  if (key === 'Escape') return { kind: 'clear' }
  if (key === 'f' && e.shiftKey) return { kind: 'fit' }
  const arrow = ARROWS[key]
  if (arrow) {
    const step = e.shiftKey ? STEP * 5 : STEP
    return { kind: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step }
  }
  return null
}

/** whether a key press belongs to a text field (which keeps its own editing keys) */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || typeof el.tagName !== 'string') return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}
