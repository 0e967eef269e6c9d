import { describe, expect, it } from 'vitest'
import { addNode, connect, move, nudge, remove, setFields, setOutput } from '../../../renderer/editor/commands.ts'
import { emptyDoc, readLayout, type EditorDoc } from '../../../renderer/editor/doc.ts'
import type { NodeSpec } from '../../../engine/graph/index.ts'

const chain = (): EditorDoc => {
  let doc = emptyDoc()
  doc = addNode(doc, { id: 'in', op: 'input', shape: [1, 8, 8] }, { x: 0, y: 0 })
  doc = addNode(doc, { id: 'c', op: 'conv', filters: 2, kernel: [3, 3] }, { x: 100, y: 0 })
  doc = connect(doc, { source: 'in', target: 'c' })
  doc = addNode(doc, { id: 'r', op: 'relu' }, { x: 200, y: 0 })
  return connect(doc, { source: 'c', target: 'r' })
}

describe('editor commands', () => {
  it('the first node becomes the output and the output follows the chain', () => {
    const doc = chain()
    expect(doc.spec.output).toBe('r')
    expect(doc.spec.nodes.find((n) => n.id === 'r')!.inputs).toEqual(['c'])
  })

  it('never mutates the document it was given', () => {
    const doc = chain()
    const frozen = JSON.stringify(doc)
    setFields(doc, 'c', { filters: 4 })
    remove(doc, new Set(['c']))
    move(doc, { c: { x: 5, y: 5 } })
    expect(JSON.stringify(doc)).toBe(frozen)
  })

  it('removing a node removes the links to it and moves the output to the last end node', () => {
    const doc = remove(chain(), new Set(['r']))
    expect(doc.spec.nodes.map((n) => n.id)).toEqual(['in', 'c'])
    expect(doc.spec.output).toBe('c')
    expect(doc.layout.r).toBeUndefined()
    const middle = remove(chain(), new Set(['c']))
    expect(middle.spec.nodes.find((n) => n.id === 'r')!.inputs).toEqual([])
  })

  it('removes a single link', () => {
    const doc = remove(chain(), new Set(), [{ source: 'c', target: 'r' }])
    expect(doc.spec.nodes.find((n) => n.id === 'r')!.inputs).toEqual([])
    expect(doc.spec.nodes).toHaveLength(3)
  })

  it('setFields sets and clears fields; unchanged nodes keep their identity', () => {
    const doc = chain()
    const next = setFields(doc, 'c', { filters: 4, padding: 'same' })
    const c = next.spec.nodes.find((n) => n.id === 'c') as Extract<NodeSpec, { op: 'conv' }>
    expect(c.filters).toBe(4)
    expect(c.padding).toBe('same')
    expect(next.spec.nodes[0]).toBe(doc.spec.nodes[0])
    const cleared = setFields(next, 'c', { padding: undefined })
    expect('padding' in cleared.spec.nodes[1]).toBe(false)
  })

  it('move and nudge change the layout only, keeping the spec object', () => {
    const doc = chain()
    const moved = nudge(doc, ['c', 'r'], 10, -5)
    expect(moved.spec).toBe(doc.spec)
    expect(moved.layout.c).toEqual({ x: 110, y: -5 })
    expect(moved.layout.in).toEqual({ x: 0, y: 0 })
    expect(setOutput(doc, 'c').spec.output).toBe('c')
  })

  it('readLayout keeps only well-formed positions', () => {
    expect(readLayout({ a: { x: 1, y: 2 }, b: { x: 'no' }, c: null, d: { x: Infinity, y: 0 } })).toEqual({ a: { x: 1, y: 2 } })
    expect(readLayout([1, 2])).toEqual({})
  })
})
