import { describe, expect, it } from 'vitest'
import { COLUMN, layeredLayout } from '../../../renderer/editor/layout.ts'
import { TEMPLATES, type ModelSpec } from '../../../engine/graph/index.ts'

const spec = (nodes: [string, string[]][]): ModelSpec =>
  ({ format: 'receptive.graph/1', nodes: nodes.map(([id, inputs]) => ({ id, op: 'relu', inputs })), output: nodes[0][0] }) as ModelSpec

describe('layeredLayout', () => {
  it('puts each node one column after its deepest input, left to right', () => {
    // a → b → c, and a skip a → c: c still goes after b
    const l = layeredLayout(spec([['a', []], ['b', ['a']], ['c', ['a', 'b']]]))
    expect([l.a.x, l.b.x, l.c.x]).toEqual([0, COLUMN, 2 * COLUMN])
  })

  it('a chain is one straight row, wrapped into bands like lines of text', () => {
    const l = layeredLayout(TEMPLATES.lenet5.spec(), 20)
    expect(new Set(Object.values(l).map((p) => p.y))).toEqual(new Set([0]))
    expect(Object.keys(l)).toHaveLength(13)
    const wrapped = layeredLayout(TEMPLATES.lenet5.spec(), 8)
    expect([wrapped.input.x, wrapped.flatten.x, wrapped.fc1.x]).toEqual([0, 7 * COLUMN, 0])
    expect(wrapped.fc1.y).toBeGreaterThan(wrapped.flatten.y)
    expect(wrapped.flatten.y).toBe(wrapped.input.y)
  })

  it('stacks branches in one column apart and centres them', () => {
    const l = layeredLayout(spec([['a', []], ['b', ['a']], ['c', ['a']], ['d', ['b', 'c']]]))
    expect(l.b.x).toBe(l.c.x)
    expect((l.b.y + l.c.y) / 2).toBe(l.a.y)
    expect(l.b.y).not.toBe(l.c.y)
  })

  it('orders a column by its inputs to avoid crossings', () => {
    // two parallel chains x1→x2 and y1→y2 whose second column is listed in the crossing order
    const l = layeredLayout(spec([['x1', []], ['y1', []], ['y2', ['y1']], ['x2', ['x1']]]))
    expect(Math.sign(l.x1.y - l.y1.y)).toBe(Math.sign(l.x2.y - l.y2.y))
  })

  it('places every node of a graph with a cycle or missing inputs', () => {
    const l = layeredLayout(spec([['a', []], ['b', ['a', 'c']], ['c', ['b']], ['d', ['ghost']]]))
    expect(Object.keys(l).sort()).toEqual(['a', 'b', 'c', 'd'])
    for (const p of Object.values(l)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
  })
})
