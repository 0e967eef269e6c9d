// Turns the kernel's WebAssembly text (plain SIMD, or with fused multiply-add) into a binary with wabt (a dev dependency): used by build.ts and by the test
// that checks the committed gemm-kernel.ts is up to date with gemm-wat.ts.
import wabtInit from 'wabt'
import { gemmWat } from './gemm-wat.ts'

export async function assembleGemm({ fma = false } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const wabt = await wabtInit()
  const mod = wabt.parseWat('gemm.wat', gemmWat({ fma }), { simd: true, relaxed_simd: fma })
  try {
    mod.validate()
    return new Uint8Array(mod.toBinary({}).buffer)
  } finally {
    mod.destroy()
  }
}
