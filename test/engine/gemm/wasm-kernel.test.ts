// The committed kernel bytes (gemm-kernel.ts) must be what build.ts makes from gemm-wat.ts today, so the readable
// source and the code that runs cannot drift apart; and the plain SIMD module must validate here.
import { expect, it } from 'vitest'
import { assembleGemm } from '../../../engine/backend/cpu/wasm/assemble.ts'
import { gemmKernelBase64, gemmKernelFmaBase64 } from '../../../engine/backend/cpu/wasm/gemm-kernel.ts'

it('gemm-kernel.ts is up to date with gemm-wat.ts (run engine/backend/cpu/wasm/build.ts)', async () => {
  const plain = await assembleGemm(), fused = await assembleGemm({ fma: true })
  expect(Buffer.from(plain).toString('base64')).toBe(gemmKernelBase64)
  expect(Buffer.from(fused).toString('base64')).toBe(gemmKernelFmaBase64)
  expect(WebAssembly.validate(plain)).toBe(true)
})
