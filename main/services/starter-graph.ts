// The graph a new project starts with: the LeNet-5 template, laid out as one column from the input
// down, so the editor can show it before the user has placed anything.
import { TEMPLATES } from '../../engine/graph/templates.ts'
import type { Graph, GraphLayout } from '../../preload/contract.ts'

/** vertical distance between two nodes of the column, in canvas pixels */
export const ROW_GAP = 100

export function starterGraph(): Graph {
  const spec = TEMPLATES.lenet5.spec()
  const layout: GraphLayout = {}
  spec.nodes.forEach((node, row) => (layout[node.id] = { x: 0, y: row * ROW_GAP }))
  return { spec, layout }
}
