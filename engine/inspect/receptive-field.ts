// The receptive field of one output value: the box of input positions it can depend on, per spatial
// axis. Pure shape arithmetic over the shape report, walked back from the node to the input, so the
// feature-map view can highlight it on hover without running anything. Dilation gaps are not subtracted:
// the box is the smallest one holding every input the value reads (padding clipped away).

import type { ShapeReport } from '../graph/infer.ts'
import type { ModelSpec, NodeSpec } from '../graph/spec.ts'

/** [first, last] input position per spatial axis, inclusive */
export type Box = [number, number][]

/** the window a sliding node moves (kernel or pool window), or null for ops that keep positions */
function windowOf(node: NodeSpec): { kernel: number[]; stride: number[]; dilation: number[] } | null {
  if (node.op === 'conv' || node.op === 'local' || node.op === 'tiled') {
    const kernel = node.kernel
    return { kernel, stride: node.stride ?? kernel.map(() => 1), dilation: (node.op === 'conv' && node.dilation) || kernel.map(() => 1) }
  }
  if (node.op === 'maxpool' || node.op === 'avgpool' || node.op === 'lppool') {
    return { kernel: node.window, stride: node.stride ?? node.window, dilation: node.window.map(() => 1) }
  }
  return null
}

const union = (a: Box | undefined, b: Box): Box => (a ? a.map(([lo, hi], i) => [Math.min(lo, b[i][0]), Math.max(hi, b[i][1])]) : b)

/**
 * The input box that output position `at` (spatial indices, no channel) of node `nodeId` sees. A node
 * without spatial axes (after flatten, dense, global pooling) sees the whole input.
 */
export function receptiveField(spec: ModelSpec, report: ShapeReport, nodeId: string, at: number[]): Box {
  const byId = new Map(spec.nodes.map((n) => [n.id, n]))
  const input = spec.nodes.find((n) => n.op === 'input')
  const inputShape = input && report.nodes[input.id]?.shape
  if (!input || !inputShape) throw new Error('the graph has no input with a known shape')
  const whole: Box = inputShape.slice(1).map((n) => [0, n - 1])
  const shape = report.nodes[nodeId]?.shape
  if (!shape) throw new Error(`no node ${nodeId} with a known shape`)
  if (shape.length === 1) return whole
  if (at.length !== shape.length - 1 || at.some((p, i) => !Number.isInteger(p) || p < 0 || p >= shape[i + 1])) {
    throw new Error(`position ${at.join(',')} is outside ${nodeId}'s ${shape.slice(1).join('×')} output`)
  }

  // boxes of output positions per node, pushed from the chosen node towards the input (report order is topological)
  const boxes = new Map<string, Box>([[nodeId, at.map((p) => [p, p])]])
  for (const id of [...report.order].reverse()) {
    const box = boxes.get(id)
    const node = byId.get(id)
    if (!box || !node || node.op === 'input') continue
    const w = windowOf(node)
    const pads = report.nodes[id].pads
    const inBox: Box = w && pads
      ? box.map(([lo, hi], i) => [lo * w.stride[i] - pads[i][0], hi * w.stride[i] - pads[i][0] + (w.kernel[i] - 1) * w.dilation[i]])
      : box
    for (const src of node.inputs ?? []) {
      // a flat input upstream (cannot happen for a spatial node, but a hostile spec is still a spec)
      if (report.nodes[src]?.shape?.length === 1) return whole
      boxes.set(src, union(boxes.get(src), inBox))
    }
  }
  const found = boxes.get(input.id)
  if (!found) return whole
  return found.map(([lo, hi], i) => [Math.max(0, lo), Math.min(whole[i][1], hi)])
}
