import { describe, expect, it } from 'vitest'
import { toFlowEdges, toFlowNodes } from '../../../renderer/editor/flow-sync.ts'
import { setFields } from '../../../renderer/editor/commands.ts'
import { layeredLayout } from '../../../renderer/editor/layout.ts'
import { inferShapes, TEMPLATES } from '../../../engine/graph/index.ts'
import type { EditorDoc } from '../../../renderer/editor/doc.ts'

const lenet = (): EditorDoc => {
  const spec = TEMPLATES.lenet5.spec()
  return { spec, layout: layeredLayout(spec) }
}

describe('flow sync', () => {
  it('labels each edge with the shape it carries and each node with its counts', () => {
    const doc = lenet()
    const report = inferShapes(doc.spec)
    const edges = toFlowEdges(doc, report, [])
    expect(edges.find((e) => e.id === 'input->conv1')!.label).toBe('1×28×28')
    expect(edges.find((e) => e.id === 'pool1->conv2')!.label).toBe('6×14×14')
    const nodes = toFlowNodes(doc, report, [])
    const conv2 = nodes.find((n) => n.id === 'conv2')!
    expect(conv2.data).toMatchObject({ title: 'Convolution', shape: '16×10×10', params: 16 * 6 * 25 + 16, problem: null, summary: '16 @ 5×5' })
    expect(nodes.find((n) => n.id === 'fc3')!.data.isOutput).toBe(true)
  })

  it('reuses unchanged objects and marks a node that does not fit', () => {
    const doc = lenet()
    const report = inferShapes(doc.spec)
    const nodes = toFlowNodes(doc, report, [])
    const edges = toFlowEdges(doc, report, [])
    const bad = setFields(doc, 'conv2', { kernel: [15, 15] })
    const badReport = inferShapes(bad.spec)
    const next = toFlowNodes(bad, badReport, nodes)
    expect(next[0]).toBe(nodes[0])
    expect(next.find((n) => n.id === 'conv2')!.data.problem).toBe('kernel 15×15 is larger than the 14×14 input with valid padding')
    expect(next.find((n) => n.id === 'fc1')!.data.shape).toBeNull()
    const nextEdges = toFlowEdges(bad, badReport, edges)
    expect(nextEdges[0]).toBe(edges[0])
    expect(nextEdges.find((e) => e.id === 'conv2->relu2')!.label).toBe('?')
  })

  it('selects the given ids instead of keeping the old selection', () => {
    const doc = lenet()
    const report = inferShapes(doc.spec)
    const nodes = toFlowNodes(doc, report, [], new Set(['conv1']))
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['conv1'])
    expect(toFlowNodes(doc, report, nodes).filter((n) => n.selected).map((n) => n.id)).toEqual(['conv1'])
  })
})
