// Batch normalisation over the batch and positions of each channel. Training uses the batch statistics
// and updates the running mean and variance (buffers, not trained); inference uses the running ones.

import type { BatchNormNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const batchnorm: Forward<BatchNormNode> = (node, [x], { scale, shift, runningMean, runningVar }, { training }) =>
  ops.batchNorm(x, scale, shift, {
    training, eps: node.eps ?? 1e-5, momentum: node.momentum ?? 0.1, running: { mean: runningMean, var: runningVar },
  })
