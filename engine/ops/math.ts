// Elementwise math with gradients: exp, log, sqrt, square. Used to compose losses and normalisation.
import { record } from '../autograd.ts'
import type { Tensor } from '../tensor.ts'
import { div, mul, unaryRaw } from './arith.ts'

export function exp(x: Tensor): Tensor {
  const y = unaryRaw('exp', x)
  return record('exp', y, [x], (g) => [mul(g, y)])
}

export function log(x: Tensor): Tensor {
  return record('log', unaryRaw('log', x), [x], (g) => [div(g, x)])
}

export function sqrt(x: Tensor): Tensor {
  const y = unaryRaw('sqrt', x)
  return record('sqrt', y, [x], (g) => [div(mul(g, 0.5), y)])
}

export function square(x: Tensor): Tensor {
  return record('square', unaryRaw('square', x), [x], (g) => [mul(g, mul(x, 2))])
}
