// Arithmetic with numpy broadcasting: add, sub, mul, div on tensors or a tensor and a number, and neg.
// A broadcast operand's gradient is summed back to its own shape (sumTo), as PyTorch does.
import { record } from '../autograd.ts'
import { binary, unary, type BinaryOp, type UnaryOp } from '../kernels/elementwise.ts'
import { broadcastShapes, stridesIn } from '../kernels/strides.ts'
import { fmtShape, type Tensor } from '../tensor.ts'
import { launch } from './dispatch.ts'
import { sumTo } from './reduce.ts'

export type Operand = Tensor | number

/** forward of a broadcasting binary primitive, no tape (also used by other ops' forwards) */
export function binaryRaw(op: BinaryOp, a: Tensor, b: Tensor, name: string = op): Tensor {
  const shape = broadcastShapes(a.shape, b.shape)
  if (!shape) throw new Error(`${name}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} do not broadcast`)
  return launch(binary, [a, b], shape, { op, outShape: shape, strideX: stridesIn(a.shape, shape), strideY: stridesIn(b.shape, shape) })
}

/** forward of a unary primitive (optionally with a scalar), no tape */
export const unaryRaw = (op: UnaryOp, x: Tensor, a?: number): Tensor => launch(unary, [x], x.shape, { op, a })

const needsTensor = (op: string) => new Error(`${op}: needs at least one tensor, got two numbers`)

export function add(a: Operand, b: Operand): Tensor {
  if (typeof a === 'number') {
    if (typeof b === 'number') throw needsTensor('add')
    return add(b, a)
  }
  if (typeof b === 'number') return record('add', unaryRaw('addScalar', a, b), [a], (g) => [g])
  const out = binaryRaw('add', a, b)
  return record('add', out, [a, b], (g) => [sumTo(g, a.shape), sumTo(g, b.shape)])
}

export function sub(a: Operand, b: Operand): Tensor {
  if (typeof b === 'number') {
    if (typeof a === 'number') throw needsTensor('sub')
    return add(a, -b)
  }
  if (typeof a === 'number') return record('sub', unaryRaw('rsubScalar', b, a), [b], (g) => [neg(g)])
  const out = binaryRaw('sub', a, b)
  return record('sub', out, [a, b], (g) => [sumTo(g, a.shape), sumTo(neg(g), b.shape)])
}

export function mul(a: Operand, b: Operand): Tensor {
  if (typeof a === 'number') {
    if (typeof b === 'number') throw needsTensor('mul')
    return mul(b, a)
  }
  if (typeof b === 'number') return record('mul', unaryRaw('mulScalar', a, b), [a], (g) => [mul(g, b)])
  const out = binaryRaw('mul', a, b)
  return record('mul', out, [a, b], (g) => [sumTo(mul(g, b), a.shape), sumTo(mul(g, a), b.shape)])
}

export function div(a: Operand, b: Operand): Tensor {
  if (typeof b === 'number') {
    if (typeof a === 'number') throw needsTensor('div')
    return mul(a, 1 / b)
  }
  if (typeof a === 'number') {
    const out = unaryRaw('rdivScalar', b, a)
    return record('div', out, [b], (g) => [neg(div(mul(g, out), b))])
  }
  const out = binaryRaw('div', a, b)
  return record('div', out, [a, b], (g) => [sumTo(div(g, b), a.shape), sumTo(neg(div(mul(g, out), b)), b.shape)])
}

export function neg(x: Tensor): Tensor {
  return record('neg', unaryRaw('neg', x), [x], (g) => [neg(g)])
}
