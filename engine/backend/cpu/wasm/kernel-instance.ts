// One instance of the SIMD gemm kernel with its own linear memory: each thread (the caller and every pool worker)
// holds one. The memory grows to the largest packed problem seen and is reused; views are refreshed after growth.
import { gemmKernelBase64 } from './gemm-kernel.ts'

export { MR, NR } from './gemm-wat.ts'
export { DM, DN } from './dot-wat.ts'

const PAGE = 65536

let compiled: WebAssembly.Module | null = null

function module(): WebAssembly.Module {
  if (!compiled) {
    const bytes = Uint8Array.from(atob(gemmKernelBase64), (ch) => ch.charCodeAt(0))
    compiled = new WebAssembly.Module(bytes) // small (< 4 KB), so synchronous compilation is allowed everywhere
  }
  return compiled
}

/** false where the runtime lacks WebAssembly SIMD; gemm then keeps to its scalar loop */
export function simdAvailable(): boolean {
  try {
    module()
    return true
  } catch {
    return false
  }
}

export class KernelInstance {
  private readonly memory: WebAssembly.Memory
  private readonly blockFn: (a: number, b: number, c: number, mStrips: number, nStrips: number, kc: number, ldb: number, ldc: number, add: number) => void
  private readonly dotsFn: (a: number, b: number, c: number, mStrips: number, nStrips: number, k4: number, lda: number, ldb: number, ldc: number, add: number) => void
  /** the whole linear memory as floats; byte address = 4 × index */
  f32: Float32Array

  constructor() {
    const inst = new WebAssembly.Instance(module(), {})
    this.memory = inst.exports.memory as WebAssembly.Memory
    this.blockFn = inst.exports.block as KernelInstance['blockFn']
    this.dotsFn = inst.exports.dots as KernelInstance['dotsFn']
    this.f32 = new Float32Array(this.memory.buffer)
  }

  /** make room for `floats` floats from address 0 */
  reserve(floats: number): void {
    const need = Math.ceil((floats * 4) / PAGE) - this.memory.buffer.byteLength / PAGE
    if (need > 0) {
      this.memory.grow(need)
      this.f32 = new Float32Array(this.memory.buffer)
    }
  }

  /** C = A·B (+ C when add) over mStrips×nStrips tiles; addresses are float indices into f32, ldb and ldc in floats */
  block(a: number, b: number, c: number, mStrips: number, nStrips: number, kc: number, ldb: number, ldc: number, add: boolean): void {
    this.blockFn(4 * a, 4 * b, 4 * c, mStrips, nStrips, kc, ldb, ldc, add ? 1 : 0)
  }

  /** C = A·Bᵀ (+ C when add) over mStrips×nStrips tiles of DM×DN, rows of A and B k4·4 floats long */
  dots(a: number, b: number, c: number, mStrips: number, nStrips: number, k4: number, lda: number, ldb: number, ldc: number, add: boolean): void {
    this.dotsFn(4 * a, 4 * b, 4 * c, mStrips, nStrips, k4, lda, ldb, ldc, add ? 1 : 0)
  }
}
