// Rows of the op table for the three convolutions of the lecture: ordinary (weights shared everywhere),
// unshared or locally connected (one kernel per output position) and tiled (t×t kernel sets rotated over
// positions). They share the sliding-window arithmetic and differ only in how many kernels they keep.

import { bool, int, ints, padding } from './fields.ts'
import { ShapeError, fmt, size, slide, type OpDef, type ParamDef, type Shape } from './op-def.ts'
import type { ConvNode, LocalNode, TiledNode } from './spec.ts'

type ConvLike = ConvNode | LocalNode | TiledNode

const common = {
  filters: int(1, true), kernel: ints(1, true), stride: ints(1), padding, bias: bool,
}

const geometry = (node: ConvLike, input: Shape, rankLimit: number) =>
  slide('kernel', input, node.kernel, node.stride, 'dilation' in node ? node.dilation : undefined, node.padding, rankLimit)

/** weight with the given leading axes (one kernel per entry) plus a bias */
function convParams(node: ConvLike, input: Shape, lead: number[], biasShape: number[]): Record<string, ParamDef> {
  const k = size(node.kernel)
  const weight: ParamDef = {
    shape: [...lead, node.filters, input[0], ...node.kernel], trainable: true, init: 'weight',
    fanIn: input[0] * k, fanOut: node.filters * k,
  }
  return node.bias === false ? { weight } : { weight, bias: { shape: biasShape, trainable: true, init: 'zeros' } }
}

/** every output value is a dot product over C·K inputs, plus its bias */
const convFlops = (node: ConvLike, [input]: Shape[], out: Shape) =>
  size(out) * (2 * input[0] * size(node.kernel) + (node.bias === false ? 0 : 1))

export const conv: OpDef<ConvNode> = {
  title: 'Convolution',
  summary: 'slides each of its filters over the input; every position shares the same weights',
  inputs: { min: 1, max: 1 },
  fields: { ...common, dilation: ints(1), flip: bool },
  shape: (node, [input]) => [node.filters, ...geometry(node, input, 3).out],
  params: (node, [input]) => convParams(node, input, [], [node.filters]),
  flops: convFlops,
  pads: (node, [input]) => geometry(node, input, 3).pads,
}

export const local: OpDef<LocalNode> = {
  title: 'Unshared convolution',
  summary: 'like a convolution, but every output position has its own filters (locally connected)',
  inputs: { min: 1, max: 1 },
  fields: common,
  shape: (node, [input]) => [node.filters, ...geometry(node, input, 2).out],
  params: (node, [input], out) => convParams(node, input, out.slice(1), out),
  flops: convFlops,
  pads: (node, [input]) => geometry(node, input, 2).pads,
}

function tiledGeometry(node: TiledNode, input: Shape) {
  if (input.length !== 3) {
    throw new ShapeError(`tiled convolution works on 2D inputs (channels×height×width), but the input is ${fmt(input)}`)
  }
  return geometry(node, input, 2)
}

export const tiled: OpDef<TiledNode> = {
  title: 'Tiled convolution',
  summary: 'a convolution with t×t filter sets that take turns over neighbouring positions',
  inputs: { min: 1, max: 1 },
  fields: { ...common, tiles: int(1, true) },
  shape: (node, [input]) => [node.filters, ...tiledGeometry(node, input).out],
  params: (node, [input]) => convParams(node, input, [node.tiles, node.tiles], [node.filters]),
  flops: convFlops,
  pads: (node, [input]) => tiledGeometry(node, input).pads,
}
