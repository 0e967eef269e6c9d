// One instance of the SIMD gemm kernel with its own linear memory: each thread (the caller and every pool worker)
// holds one. The memory grows to the largest packed problem seen and is reused; views are refreshed after growth.
import { gemmKernelBase64, gemmKernelFmaBase64 } from './gemm-kernel.ts'

export { MR, NR } from './gemm-wat.ts'
export { DM, DN } from './dot-wat.ts'

/** fma: relaxed SIMD's fused multiply-add (Chromium and Electron; Node 20 behind --experimental-wasm-relaxed-simd) */
export type KernelVariant = 'fma' | 'simd'

const PAGE = 65536
const compiled = new Map<KernelVariant, WebAssembly.Module | null>()

/** the variant's module, or null where this runtime cannot run it */
function module(variant: KernelVariant): WebAssembly.Module | null {
  if (!compiled.has(variant)) {
    const bytes = Uint8Array.from(atob(variant === 'fma' ? gemmKernelFmaBase64 : gemmKernelBase64), (ch) => ch.charCodeAt(0))
    // small (< 4 KB), so synchronous compilation is allowed everywhere
    compiled.set(variant, WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null)
  }
  return compiled.get(variant)!
}

/** the fastest variant this runtime runs; null without WebAssembly SIMD (gemm then keeps to its scalar loop) */
export function bestVariant(): KernelVariant | null {
  return module('fma') ? 'fma' : module('simd') ? 'simd' : null
}

export class KernelInstance {
  private readonly memory: WebAssembly.Memory
  private readonly blockFn: (a: number, b: number, c: number, mStrips: number, nStrips: number, kc: number, ldb: number, ldc: number, add: number) => void
  private readonly dotsFn: (a: number, b: number, c: number, mStrips: number, nStrips: number, k4: number, lda: number, ldb: number, ldc: number, add: number) => void
  private readonly compactFn: (c: number, rows: number, from: number, to: number) => void
  /** the whole linear memory as floats; byte address = 4 × index */
  f32: Float32Array

  constructor(readonly variant: KernelVariant) {
    const mod = module(variant)
    if (!mod) throw new Error(`gemm: this runtime cannot run the ${variant} kernel`)
    const inst = new WebAssembly.Instance(mod, {})
    this.memory = inst.exports.memory as WebAssembly.Memory
    this.blockFn = inst.exports.block as KernelInstance['blockFn']
    this.dotsFn = inst.exports.dots as KernelInstance['dotsFn']
    this.compactFn = inst.exports.compact as KernelInstance['compactFn']
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

  /** moves `rows` rows at c from a stride of `from` floats to `to` (< from), in place */
  compact(c: number, rows: number, from: number, to: number): void {
    this.compactFn(4 * c, rows, from, to)
  }
}
