// The plain triple loop behind gemm: used for float64 arrays (gradient checks, where exactness beats speed),
// for mixed array types, and where the runtime has no WebAssembly SIMD.
import type { GemmArgs } from './gemm.ts'

export function gemmReference(g: GemmArgs): void {
  const { batch, m, n, k, a, b, c } = g
  const strideA = g.strideA ?? m * k, strideB = g.strideB ?? k * n, strideC = g.strideC ?? m * n
  // element (i, p) of op(A) is at rowA·i + colA·p
  const [rowA, colA] = g.transA ? [1, m] : [k, 1]
  const [rowB, colB] = g.transB ? [1, k] : [n, 1]
  for (let item = 0; item < batch; item++) {
    const oa = (g.offsetA ?? 0) + item * strideA, ob = (g.offsetB ?? 0) + item * strideB, oc = (g.offsetC ?? 0) + item * strideC
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = g.accumulate ? c[oc + i * n + j] : 0
        for (let p = 0; p < k; p++) sum += a[oa + i * rowA + p * colA] * b[ob + p * rowB + j * colB]
        c[oc + i * n + j] = sum
      }
    }
  }
}
