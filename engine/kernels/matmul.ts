// Batched matrix multiply C_b = op(A_b) · op(B_b): the hot loop of dense, convolution (after unfold)
// and unshared convolution. The CPU body is engine/backend/cpu/gemm.ts (blocked and SIMD there).
// A batch stride of 0 broadcasts one matrix to every item; with accumulate and strideC 0 the items sum.
import type { FloatArray } from '../backend/backend.ts'
import { gemm, type GemmArgs } from '../backend/cpu/gemm.ts'
import { defineKernel } from './kernel.ts'
import { matmulWgsl } from './matmul.wgsl.ts'

export type MatmulParams = Omit<GemmArgs, 'a' | 'b' | 'c'>

export const matmul = defineKernel<MatmulParams>({
  name: 'matmul',
  cpu([a, b], [c], params) {
    const sumItems = params.strideC === 0 && params.batch > 1
    if (sumItems && !params.accumulate) c.fill(0)
    gemm({ ...params, accumulate: params.accumulate || sumItems, a: a as FloatArray, b: b as FloatArray, c: c as FloatArray })
  },
  wgsl: matmulWgsl,
})
