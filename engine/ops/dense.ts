// Fully connected layer: y = x · wᵀ + b with x [N, D], w [units, D], b [units] (PyTorch's Linear layout).
import { fmtShape, type Tensor } from '../tensor.ts'
import { add } from './arith.ts'
import { matmul } from './matmul.ts'

export function dense(x: Tensor, w: Tensor, b?: Tensor): Tensor {
  if (x.ndim !== 2 || w.ndim !== 2 || x.shape[1] !== w.shape[1]) {
    throw new Error(`dense: input ${fmtShape(x.shape)} and weights ${fmtShape(w.shape)} do not fit (want [N, D] and [units, D])`)
  }
  if (b && (b.ndim !== 1 || b.shape[0] !== w.shape[0])) throw new Error(`dense: bias ${fmtShape(b.shape)} does not match ${w.shape[0]} units`)
  const y = matmul(x, w, { transB: true })
  return b ? add(y, b) : y
}
