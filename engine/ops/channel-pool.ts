// Pooling over channels (maxout): output channel g pools input channels g·k … g·k+k−1. Read as
// [N, 1, C, positions], that is a 2D pool with a k×1 window and stride, so it reuses the pool kernels.
import { sizeOf } from '../kernels/strides.ts'
import type { Tensor } from '../tensor.ts'
import { poolAs } from './pool.ts'

export interface ChannelPoolOptions {
  groupSize: number
  mode: 'max' | 'avg'
}

export function channelPool(x: Tensor, { groupSize: k, mode }: ChannelPoolOptions): Tensor {
  const [n, c, ...spatial] = x.shape
  if (x.shape.length < 2) throw new Error(`channelPool: needs an input [batch, channels, ...], but gets ${x.shape.join('×')}`)
  if (!Number.isInteger(k) || k < 1 || c % k !== 0) {
    throw new Error(`channelPool: ${c} channels of the input ${x.shape.join('×')} cannot be split into groups of ${k}`)
  }
  const positions = sizeOf(spatial)
  return poolAs('channelPool', mode, x, [n, 1, c, positions], { window: [k, 1] }, 2, [n, c / k, ...spatial])
}
