// The differentiable ops, one namespace. Each is composed from kernels and records its backward
// next to its forward; see engine/README.md for how to add one.
import { add, div, mul, neg, sub } from './arith.ts'
import { argmax, max, mean, sum } from './reduce.ts'

export const ops = {
  add, sub, mul, div, neg,
  sum, mean, max, argmax,
}
