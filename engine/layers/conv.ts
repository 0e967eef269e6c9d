// The three convolution layers of the lecture: ordinary, unshared (locally connected) and tiled. Each
// passes its node's geometry to the matching op; weights and bias follow the op table's layouts.

import type { ConvNode, LocalNode, TiledNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const conv: Forward<ConvNode> = (node, [x], { weight, bias }) =>
  ops.conv(x, weight, bias, { stride: node.stride, padding: node.padding, dilation: node.dilation, flip: node.flip })

export const local: Forward<LocalNode> = (node, [x], { weight, bias }) =>
  ops.local(x, weight, bias, { stride: node.stride, padding: node.padding })

export const tiled: Forward<TiledNode> = (node, [x], { weight, bias }) =>
  ops.tiled(x, weight, bias, { tiles: node.tiles, stride: node.stride, padding: node.padding })
