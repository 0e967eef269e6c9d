import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosave, docFromStored, type SaveState } from '../../../renderer/editor/autosave.ts'
import { emptyDoc, type EditorDoc } from '../../../renderer/editor/doc.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'

const doc = (n: number): EditorDoc => ({ ...emptyDoc(), layout: { [`n${n}`]: { x: n, y: 0 } } })

describe('Autosave', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('folds edits within the delay into one save of the newest document', async () => {
    const saved: EditorDoc[] = []
    const states: SaveState[] = []
    const a = new Autosave(async (d) => { saved.push(d) }, (s) => states.push(s), 500)
    a.schedule(doc(1))
    await vi.advanceTimersByTimeAsync(300)
    a.schedule(doc(2))
    await vi.advanceTimersByTimeAsync(300)
    expect(saved).toEqual([])
    await vi.advanceTimersByTimeAsync(300)
    expect(saved).toEqual([doc(2)])
    expect(states.at(-1)).toBe('saved')
  })

  it('runs one save at a time and sends what came in meanwhile afterwards', async () => {
    const saved: number[] = []
    let release = () => {}
    const a = new Autosave((d) => new Promise<void>((done) => {
      saved.push(d.layout.n1 ? 1 : 2)
      release = done
    }), () => {}, 10)
    a.schedule(doc(1))
    await vi.advanceTimersByTimeAsync(20)
    a.schedule(doc(2))
    await vi.advanceTimersByTimeAsync(20)
    expect(saved).toEqual([1]) // the second waits for the first
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toEqual([1, 2])
  })

  it('reports a failed save and retries it with the next edit; cancel forgets a pending save', async () => {
    const states: [SaveState, string | undefined][] = []
    let fail = true
    const saved: EditorDoc[] = []
    const a = new Autosave(async (d) => {
      if (fail) throw new Error('disk full')
      saved.push(d)
    }, (s, e) => states.push([s, e]), 10)
    a.schedule(doc(1))
    await vi.advanceTimersByTimeAsync(20)
    expect(states.at(-1)).toEqual(['failed', 'disk full'])
    fail = false
    await a.flush()
    expect(saved).toEqual([doc(1)])
    a.schedule(doc(3))
    a.cancel()
    await vi.advanceTimersByTimeAsync(50)
    expect(saved).toHaveLength(1)
  })
})

describe('docFromStored', () => {
  it('keeps a stored layout, lays out nodes that have no position and drops positions of no node', () => {
    const spec = TEMPLATES.lenet5.spec()
    const full = Object.fromEntries(spec.nodes.map((n, i) => [n.id, { x: i, y: -i }]))
    expect(docFromStored(spec, full).layout).toEqual(full)
    expect(docFromStored(spec, { ...full, gone: { x: 1, y: 1 } }).layout).toEqual(full)
    const partial = docFromStored(spec, { input: { x: 999, y: 5 }, conv1: 'junk' })
    expect(partial.layout.input).toEqual({ x: 999, y: 5 })
    expect(Object.keys(partial.layout)).toHaveLength(spec.nodes.length)
  })
})
