// Activations: relu, leakyRelu, sigmoid, tanh and softmax (along the channel axis by default).
// Each is one or two primitives forward; the backward reuses the saved output where that is cheaper.
import { record } from '../autograd.ts'
import { fmtShape, type Tensor } from '../tensor.ts'
import { binaryRaw, mul, sub, unaryRaw } from './arith.ts'
import { reduceRaw, sum } from './reduce.ts'

export function relu(x: Tensor): Tensor {
  return record('relu', unaryRaw('relu', x), [x], (g) => [binaryRaw('maskPositive', g, x)])
}

/** x for x > 0, slope · x otherwise (PyTorch's default slope 0.01) */
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  return record('leakyRelu', unaryRaw('leakyRelu', x, slope), [x], (g) => [binaryRaw('mul', g, unaryRaw('leakySlope', x, slope))])
}

export function sigmoid(x: Tensor): Tensor {
  const y = unaryRaw('sigmoid', x)
  return record('sigmoid', y, [x], (g) => [mul(g, mul(y, unaryRaw('rsubScalar', y, 1)))])
}

export function tanh(x: Tensor): Tensor {
  const y = unaryRaw('tanh', x)
  return record('tanh', y, [x], (g) => [mul(g, unaryRaw('rsubScalar', unaryRaw('square', y), 1))])
}

/** softmax along `axis` (1, the channel axis, by default), shifted by the maximum so any logits are safe */
export function softmax(x: Tensor, axis = 1): Tensor {
  const a = axis < 0 ? axis + x.ndim : axis
  if (!(a >= 0 && a < x.ndim)) throw new Error(`softmax: axis ${axis} is out of range for shape ${fmtShape(x.shape)}`)
  const e = unaryRaw('exp', binaryRaw('sub', x, reduceRaw('max', x, [a], true)))
  const y = binaryRaw('div', e, reduceRaw('sum', e, [a], true))
  return record('softmax', y, [x], (g) => [mul(y, sub(g, sum(mul(g, y), a, true)))])
}
