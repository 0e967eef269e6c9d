// The differentiable ops, one namespace. Each is composed from kernels and records its backward
// next to its forward; see engine/README.md for how to add one.
import { add, div, mul, neg, sub } from './arith.ts'
import { leakyRelu, relu, sigmoid, softmax, tanh } from './activation.ts'
import { batchNorm } from './batch-norm.ts'
import { channelPool } from './channel-pool.ts'
import { concat } from './concat.ts'
import { conv } from './conv.ts'
import { dense } from './dense.ts'
import { dropout } from './dropout.ts'
import { mse, softmaxCrossEntropy } from './losses.ts'
import { local } from './local.ts'
import { exp, log, sqrt, square } from './math.ts'
import { matmul } from './matmul.ts'
import { avgPool, globalAvgPool, globalMaxPool, lpPool, maxPool } from './pool.ts'
import { argmax, max, mean, sum } from './reduce.ts'
import { flatten, permute, reshape } from './shape.ts'
import { tiled } from './tiled.ts'

export const ops = {
  add, sub, mul, div, neg, exp, log, sqrt, square,
  sum, mean, max, argmax,
  relu, leakyRelu, sigmoid, tanh, softmax,
  matmul, dense, conv, local, tiled,
  maxPool, avgPool, lpPool, globalAvgPool, globalMaxPool, channelPool,
  dropout, batchNorm, concat, reshape, flatten, permute,
  softmaxCrossEntropy, mse,
}
