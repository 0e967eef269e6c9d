// What one edit costs on a 300-node graph: shape inference of the new spec, and turning the document into
// Svelte Flow's nodes and edges. Run: npx vitest bench -c test/vitest.config.ts --project node test/renderer/editor --run
import { bench, describe } from 'vitest'
import { inferShapes } from '../../../engine/graph/index.ts'
import { setFields } from '../../../renderer/editor/commands.ts'
import { toFlowEdges, toFlowNodes } from '../../../renderer/editor/flow-sync.ts'
import { layeredLayout } from '../../../renderer/editor/layout.ts'
import { bigGraph } from './big-graph.ts'

const doc = bigGraph(300)
const report = inferShapes(doc.spec)
const nodes = toFlowNodes(doc, report, [])
const edges = toFlowEdges(doc, report, [])
if (!report.ok) throw new Error(report.issues.map((i) => i.message).join('\n'))
let filters = 16
const options = { time: 1500, warmupTime: 500, warmupIterations: 50 }

describe('one edit on a 300-node graph', () => {
  bench('shape re-inference', () => {
    inferShapes(setFields(doc, 'c10', { filters: (filters = 16 + ((filters + 1) % 8)) }).spec)
  }, options)
  bench('edit + re-inference + flow nodes and edges', () => {
    const next = setFields(doc, 'c10', { filters: (filters = 16 + ((filters + 1) % 8)) })
    const r = inferShapes(next.spec)
    toFlowNodes(next, r, nodes)
    toFlowEdges(next, r, edges)
  }, options)
  bench('auto-layout', () => {
    layeredLayout(doc.spec)
  }, options)
})
