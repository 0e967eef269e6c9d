// Matrix product of 2-D or batched 3-D operands with optional transposes: C = op(A) · op(B).
// A 2-D operand against a batched one is broadcast over the batch (stride 0), and its gradient is
// summed over the batch inside the same gemm (strideC 0), so no [batch, m, k] temporary is made.
import { record } from '../autograd.ts'
import { matmul as matmulKernel } from '../kernels/matmul.ts'
import { fmtShape, type Tensor } from '../tensor.ts'
import { launch } from './dispatch.ts'

export interface MatmulOptions { transA?: boolean; transB?: boolean }

/** op(A) · op(B) without tape; `sumBatch` sums the batch items into one [m, n] result */
function matmulRaw(a: Tensor, b: Tensor, transA = false, transB = false, sumBatch = false, name = 'matmul'): Tensor {
  const bad = () => new Error(`${name}: shapes ${fmtShape(a.shape)}${transA ? 'ᵀ' : ''} and ${fmtShape(b.shape)}${transB ? 'ᵀ' : ''} do not multiply`)
  if (a.ndim < 2 || a.ndim > 3 || b.ndim < 2 || b.ndim > 3) throw bad()
  const batchA = a.ndim === 3 ? a.shape[0] : 0, batchB = b.ndim === 3 ? b.shape[0] : 0
  if (batchA && batchB && batchA !== batchB) throw bad()
  const [ra, ca] = a.shape.slice(-2), [rb, cb] = b.shape.slice(-2)
  const [m, k] = transA ? [ca, ra] : [ra, ca]
  const [k2, n] = transB ? [cb, rb] : [rb, cb]
  if (k !== k2) throw bad()
  const batch = Math.max(batchA, batchB, 1)
  const batched = (batchA || batchB) && !sumBatch
  const shape = batched ? [batch, m, n] : [m, n]
  return launch(matmulKernel, [a, b], shape, {
    batch, m, n, k, transA, transB,
    strideA: batchA ? m * k : 0, strideB: batchB ? k * n : 0, strideC: batched ? m * n : 0,
  })
}

export function matmul(a: Tensor, b: Tensor, { transA = false, transB = false }: MatmulOptions = {}): Tensor {
  const out = matmulRaw(a, b, transA, transB)
  // an operand with fewer dims than the output was broadcast over the batch: sum its gradient
  const sumA = a.ndim < out.ndim, sumB = b.ndim < out.ndim
  return record('matmul', out, [a, b], (g) => [
    transA ? matmulRaw(b, g, transB, true, sumA) : matmulRaw(g, b, false, !transB, sumA),
    transB ? matmulRaw(g, a, true, transA, sumB) : matmulRaw(a, g, !transA, false, sumB),
  ])
}
