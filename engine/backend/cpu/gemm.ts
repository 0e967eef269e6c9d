// Batched matrix multiply on the CPU: the one hot loop that convolution, dense and unshared layers all reduce to.
// Row-major. For each batch item b: C_b = op(A_b) · op(B_b) (+ C_b when accumulate), op = transpose when asked.
// Reference implementation; a faster body (blocked, SIMD, threads) replaces it behind this same signature.

export type FloatArray = Float32Array | Float64Array

export interface GemmArgs {
  batch: number
  /** rows of op(A) and C */
  m: number
  /** columns of op(B) and C */
  n: number
  /** shared dimension */
  k: number
  a: FloatArray
  b: FloatArray
  c: FloatArray
  transA?: boolean
  transB?: boolean
  /** add into C instead of overwriting it */
  accumulate?: boolean
  /** element offsets of the first matrices (default 0) */
  offsetA?: number
  offsetB?: number
  offsetC?: number
  /** elements between consecutive batch items; 0 broadcasts one matrix to every item (default m·k, k·n, m·n) */
  strideA?: number
  strideB?: number
  strideC?: number
}

export function gemm(g: GemmArgs): void {
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
