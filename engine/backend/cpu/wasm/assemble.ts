// Turns the kernel's WebAssembly text into a binary with wabt (a dev dependency): used by build.ts and by the test
// that checks the committed gemm-kernel.ts is up to date with gemm-wat.ts.
import wabtInit from 'wabt'
import { gemmWat } from './gemm-wat.ts'

export async function assembleGemm(): Promise<Uint8Array<ArrayBuffer>> {
  const wabt = await wabtInit()
  const mod = wabt.parseWat('gemm.wat', gemmWat(), { simd: true })
  try {
    mod.validate()
    return new Uint8Array(mod.toBinary({}).buffer)
  } finally {
    mod.destroy()
  }
}
