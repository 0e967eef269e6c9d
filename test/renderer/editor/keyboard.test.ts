import { describe, expect, it } from 'vitest'
import { actionFor, type KeyPress } from '../../../renderer/editor/keyboard.ts'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('keyboard shortcuts', () => {
  it('maps Ctrl on Linux and Cmd on macOS', () => {
    expect(actionFor(press('z', { ctrlKey: true }), false)).toEqual({ kind: 'undo' })
    expect(actionFor(press('Z', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'redo' })
    expect(actionFor(press('z', { metaKey: true }), true)).toEqual({ kind: 'undo' })
    expect(actionFor(press('z', { ctrlKey: true }), true)).toBeNull()
    expect(actionFor(press('a', { ctrlKey: true }), false)).toEqual({ kind: 'selectAll' })
    expect(actionFor(press('f', { ctrlKey: true }), false)).toEqual({ kind: 'find' })
    expect(actionFor(press('d', { ctrlKey: true }), false)).toEqual({ kind: 'duplicate' })
  })

  it('maps Delete, Escape and arrow nudges (Shift for bigger steps)', () => {
    expect(actionFor(press('Delete'), false)).toEqual({ kind: 'delete' })
    expect(actionFor(press('Backspace'), false)).toEqual({ kind: 'delete' })
    expect(actionFor(press('Escape'), false)).toEqual({ kind: 'clear' })
    expect(actionFor(press('ArrowLeft'), false)).toEqual({ kind: 'nudge', dx: -10, dy: 0 })
    expect(actionFor(press('ArrowDown', { shiftKey: true }), false)).toEqual({ kind: 'nudge', dx: 0, dy: 50 })
    expect(actionFor(press('q'), false)).toBeNull()
    expect(actionFor(press('z', { ctrlKey: true, altKey: true }), false)).toBeNull()
  })
})
