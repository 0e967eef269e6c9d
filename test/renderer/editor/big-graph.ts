// A large valid graph for benchmarks: residual blocks (conv → batch norm → ReLU → add) on 16×32×32,
// laid out by the editor's own layout, with exactly `size` nodes.
import { FORMAT, type ModelSpec, type NodeSpec } from '../../../engine/graph/index.ts'
import type { EditorDoc } from '../../../renderer/editor/doc.ts'
import { layeredLayout } from '../../../renderer/editor/layout.ts'

export function bigGraph(size = 300): EditorDoc {
  const nodes: NodeSpec[] = [
    { id: 'input', op: 'input', shape: [3, 32, 32] },
    { id: 'stem', op: 'conv', inputs: ['input'], filters: 16, kernel: [3, 3], padding: 'same' },
  ]
  let last = 'stem'
  for (let b = 0; nodes.length + 4 <= size - 3; b++) {
    nodes.push(
      { id: `c${b}`, op: 'conv', inputs: [last], filters: 16, kernel: [3, 3], padding: 'same' },
      { id: `bn${b}`, op: 'batchnorm', inputs: [`c${b}`] },
      { id: `r${b}`, op: 'relu', inputs: [`bn${b}`] },
      { id: `add${b}`, op: 'add', inputs: [`r${b}`, last] },
    )
    last = `add${b}`
  }
  while (nodes.length < size - 2) {
    const id = `relu${nodes.length}`
    nodes.push({ id, op: 'relu', inputs: [last] })
    last = id
  }
  nodes.push({ id: 'gap', op: 'globalavgpool', inputs: [last] }, { id: 'fc', op: 'dense', inputs: ['gap'], units: 10 })
  const spec: ModelSpec = { format: FORMAT, nodes, output: 'fc' }
  return { spec, layout: layeredLayout(spec) }
}
