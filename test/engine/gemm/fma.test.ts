// The fused multiply-add kernel (relaxed SIMD: on in Electron, behind a flag in Node 20, which this file turns on
// for its own process) against the naive float64 loop, in both kernel forms, with a shared A and accumulate.
import { setFlagsFromString } from 'node:v8'
import { expect, it } from 'vitest'
import type { GemmArgs } from '../../../engine/backend/cpu/gemm.ts'
import { gemmBlocked } from '../../../engine/backend/cpu/gemm-blocked.ts'
import { KernelInstance } from '../../../engine/backend/cpu/wasm/kernel-instance.ts'
import { filled, naiveGemm, worstError } from './naive.ts'

setFlagsFromString('--experimental-wasm-relaxed-simd')

const cases: Omit<GemmArgs, 'a' | 'b' | 'c'>[] = [
  { batch: 1, m: 67, n: 70, k: 385 },
  { batch: 3, m: 33, n: 65, k: 17, strideA: 0, accumulate: true, transA: true },
  { batch: 2, m: 9, n: 11, k: 1500, transB: true },
  { batch: 4, m: 6, n: 25, k: 783, transB: true, strideC: 0 },
]

for (const p of cases) {
  it(`fma kernel: ${JSON.stringify(p)}`, () => {
    const kernel = new KernelInstance('fma')
    const sA = p.strideA ?? p.m * p.k, sC = p.strideC ?? p.m * p.n
    const a = filled(new Float32Array(Math.max(sA * p.batch, p.m * p.k)), 1), b = filled(new Float32Array(p.batch * p.k * p.n), 2)
    const c = filled(new Float32Array(Math.max(sC * p.batch, p.m * p.n)), 3), want = Float64Array.from(c)
    // the naive loop sums the items into one C with accumulate; gemm's callers set it for strideC 0 (kernels/matmul.ts)
    const args = { ...p, accumulate: p.accumulate || p.strideC === 0 }
    if (p.strideC === 0 && !p.accumulate) { c.fill(0); want.fill(0) }
    gemmBlocked(kernel, { ...args, a, b, c }, { itemStart: 0, itemEnd: p.batch, colStart: 0, colEnd: p.n })
    naiveGemm({ ...args, a: Float64Array.from(a), b: Float64Array.from(b), c: want })
    expect(worstError(c, want, { ...args, a, b, c })).toBeLessThan(1e-5)
  })
}
