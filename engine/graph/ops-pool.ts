// Rows of the op table for pooling: max, average and Lp over spatial windows (1D/2D/3D), the global pools
// that reduce every channel to one value, and pooling over channels (maxout). Pools own no parameters.

import { int, ints, num, oneOf, padding } from './fields.ts'
import { ShapeError, fmt, size, slide, spatialOf, type OpDef, type Shape } from './op-def.ts'
import type { ChannelPoolNode, GlobalPoolNode, LpPoolNode, PoolNode } from './spec.ts'

type Windowed = PoolNode | LpPoolNode

const fields = { window: ints(1, true), stride: ints(1), padding }

/** window geometry; stride defaults to the window, and padding may not exceed half the window (as PyTorch) */
function geometry(node: Windowed, input: Shape) {
  const g = slide('window', input, node.window, node.stride ?? node.window, undefined, node.padding)
  const axis = g.pads.findIndex(([lo, hi], i) => Math.max(lo, hi) * 2 > node.window[i])
  if (axis >= 0) {
    throw new ShapeError(`padding ${Math.max(...g.pads[axis])} is more than half the ${fmt(node.window)} window; some windows would see only padding`)
  }
  return g
}

const windowed = (title: string, summary: string, perValue: (k: number) => number): OpDef<PoolNode> => ({
  title, summary,
  inputs: { min: 1, max: 1 },
  fields,
  shape: (node, [input]) => [input[0], ...geometry(node, input).out],
  flops: (node, _, out) => size(out) * perValue(size(node.window)),
  pads: (node, [input]) => geometry(node, input).pads,
})

export const maxpool = windowed('Max pooling', 'keeps the largest value of each window', (k) => k)
export const avgpool = windowed('Average pooling', 'averages each window', (k) => k)

export const lppool: OpDef<LpPoolNode> = {
  title: 'L2 pooling',
  summary: 'the p-norm of each window, (Σ xᵖ)^(1/p); p = 2 is L2 pooling',
  inputs: { min: 1, max: 1 },
  fields: { ...fields, p: num(0, 64, { openMin: true }) },
  shape: (node, [input]) => [input[0], ...geometry(node, input).out],
  flops: (node, _, out) => size(out) * (2 * size(node.window) + 1),
  pads: (node, [input]) => geometry(node, input).pads,
}

const global = (title: string, summary: string): OpDef<GlobalPoolNode> => ({
  title, summary,
  inputs: { min: 1, max: 1 },
  fields: {},
  shape: (_, [input]) => {
    spatialOf(input) // a flat vector has nothing to pool over
    return [input[0]]
  },
  flops: (_, [input]) => size(input),
})

export const globalavgpool = global('Global average pooling', 'averages each channel over all positions: one value per channel')
export const globalmaxpool = global('Global max pooling', 'keeps the largest value of each channel: one value per channel')

export const channelpool: OpDef<ChannelPoolNode> = {
  title: 'Pooling over channels',
  summary: 'pools groups of neighbouring channels into one (maxout); learns invariances between filters',
  inputs: { min: 1, max: 1 },
  fields: { groupSize: int(1, true), mode: oneOf('max', 'avg') },
  shape: (node, [input]) => {
    if (input[0] % node.groupSize !== 0) {
      throw new ShapeError(`${input[0]} channels cannot be split into groups of ${node.groupSize}`)
    }
    return [input[0] / node.groupSize, ...input.slice(1)]
  },
  flops: (_, [input]) => size(input),
}
