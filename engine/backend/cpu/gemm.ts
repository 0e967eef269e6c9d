// Batched matrix multiply on the CPU: the one hot loop that convolution, dense and unshared layers all reduce to.
// Row-major. For each batch item b: C_b = op(A_b) · op(B_b) (+ C_b when accumulate), op = transpose when asked.
// float32 goes to the blocked WebAssembly SIMD body (split over the thread pool when big enough); float64 (gradient
// checks) and runtimes without SIMD keep the reference loop.
import { gemmBlocked } from './gemm-blocked.ts'
import { gemmParallel } from './gemm-parallel.ts'
import { gemmReference } from './gemm-reference.ts'
import { bestVariant, KernelInstance } from './wasm/kernel-instance.ts'

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

let kernel: KernelInstance | null | undefined

/** this thread's kernel instance, created on first use; null where WebAssembly SIMD is missing */
function localKernel(): KernelInstance | null {
  if (kernel === undefined) {
    const variant = bestVariant()
    kernel = variant && new KernelInstance(variant)
  }
  return kernel
}

export function gemm(g: GemmArgs): void {
  if (g.batch <= 0 || g.m <= 0 || g.n <= 0) return
  const kern = g.a instanceof Float32Array && g.b instanceof Float32Array && g.c instanceof Float32Array ? localKernel() : null
  if (!kern) return gemmReference(g)
  if (!gemmParallel(kern, g)) gemmBlocked(kern, g, { itemStart: 0, itemEnd: g.batch, colStart: 0, colEnd: g.n })
}
