// Pooling layers: max, average and Lp over spatial windows, the global pools and pooling over channels
// (maxout). None owns parameters; stride defaults to the window as in the spec.

import type { ChannelPoolNode, GlobalPoolNode, LpPoolNode, PoolNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

const windowOf = (node: PoolNode | LpPoolNode) =>
  ({ window: node.window, stride: node.stride ?? node.window, padding: node.padding })

export const maxpool: Forward<PoolNode> = (node, [x]) => ops.maxPool(x, windowOf(node))
export const avgpool: Forward<PoolNode> = (node, [x]) => ops.avgPool(x, windowOf(node))
export const lppool: Forward<LpPoolNode> = (node, [x]) => ops.lpPool(x, { ...windowOf(node), p: node.p ?? 2 })
export const globalavgpool: Forward<GlobalPoolNode> = (_, [x]) => ops.globalAvgPool(x)
export const globalmaxpool: Forward<GlobalPoolNode> = (_, [x]) => ops.globalMaxPool(x)
export const channelpool: Forward<ChannelPoolNode> = (node, [x]) =>
  ops.channelPool(x, { groupSize: node.groupSize, mode: node.mode ?? 'max' })
