// Matmul at sizes that take the fast float32 gemm (blocked, threaded): values and the batch-summed
// gradient of a broadcast operand against naive loops written here.
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import { randomValues } from '../gradcheck.ts'

function expectNear(actual: Float32Array, expected: Float64Array) {
  let worst = 0
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])))
  expect(worst).toBeLessThan(1e-4)
}

describe('matmul on the fast path', () => {
  it('broadcasts a weight over a batch and sums its gradient over the batch', async () => {
    const [batch, m, k, n] = [6, 37, 70, 90]
    const wv = randomValues(m * k, 1), xv = randomValues(batch * k * n, 2), gv = randomValues(batch * m * n, 3)
    const w = Tensor.from(wv, [m, k], { requiresGrad: true })
    const x = Tensor.from(xv, [batch, k, n], { requiresGrad: true })
    const y = ops.matmul(w, x)
    const want = new Float64Array(batch * m * n), dw = new Float64Array(m * k), dx = new Float64Array(batch * k * n)
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0
          for (let p = 0; p < k; p++) s += wv[i * k + p] * xv[(b * k + p) * n + j]
          want[(b * m + i) * n + j] = s
          const g = gv[(b * m + i) * n + j]
          for (let p = 0; p < k; p++) { dw[i * k + p] += g * xv[(b * k + p) * n + j]; dx[(b * k + p) * n + j] += wv[i * k + p] * g }
        }
      }
    }
    expectNear(await y.read(), want)
    y.backward(Tensor.from(gv, y.shape))
    expectNear(await w.grad!.read(), dw)
    expectNear(await x.grad!.read(), dx)
  })

  it('names the op and the shapes when they do not multiply', () => {
    expect(() => ops.matmul(Tensor.zeros([2, 3]), Tensor.zeros([4, 5]))).toThrow('matmul: shapes [2,3] and [4,5] do not multiply')
    expect(() => ops.matmul(Tensor.zeros([2, 2, 3]), Tensor.zeros([3, 3, 5]))).toThrow('do not multiply')
    expect(() => ops.dense(Tensor.zeros([2, 3]), Tensor.zeros([4, 5]))).toThrow('dense: input [2,3] and weights [4,5] do not fit')
  })
})
