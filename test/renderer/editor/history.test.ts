import { describe, expect, it } from 'vitest'
import { History } from '../../../renderer/editor/history.ts'

describe('History', () => {
  it('undoes and redoes whole documents exactly', () => {
    const a = { n: 1 }, b = { n: 2 }, c = { n: 3 }
    const h = new History(a)
    h.push(b)
    h.push(c)
    expect(h.undo()).toBe(b)
    expect(h.undo()).toBe(a)
    expect(h.undo()).toBeNull()
    expect(h.redo()).toBe(b)
    expect(h.current).toBe(b)
    expect(h.canRedo).toBe(true)
  })

  it('drops the redo branch on a new edit', () => {
    const h = new History('a')
    h.push('b')
    h.undo()
    h.push('c')
    expect(h.canRedo).toBe(false)
    expect(h.undo()).toBe('a')
  })

  it('merges consecutive steps with the same key into one', () => {
    const h = new History(0)
    h.push(1, 'nudge:x')
    h.push(2, 'nudge:x')
    h.push(3, 'nudge:x')
    h.push(4, 'nudge:y')
    expect(h.undo()).toBe(3)
    expect(h.undo()).toBe(0)
  })

  it('does not merge across an undo', () => {
    const h = new History(0)
    h.push(1, 'k')
    h.undo()
    h.push(2, 'k')
    h.push(3, 'k')
    expect(h.undo()).toBe(0)
  })

  it('ignores a step that changes nothing and forgets the oldest past the limit', () => {
    const h = new History(0, 2)
    h.push(0)
    expect(h.canUndo).toBe(false)
    h.push(1)
    h.push(2)
    h.push(3)
    expect(h.undo()).toBe(2)
    expect(h.undo()).toBe(1)
    expect(h.undo()).toBeNull()
  })

  it('reset leaves nothing to undo', () => {
    const h = new History('a')
    h.push('b')
    h.reset('z')
    expect(h.current).toBe('z')
    expect(h.canUndo || h.canRedo).toBe(false)
  })
})
