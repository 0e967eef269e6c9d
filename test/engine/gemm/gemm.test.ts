// gemm against a naive float64 triple loop on awkward sizes: 1, 7, 33, 129, k past one panel (both forms), n past one column
// block, every transpose, batch broadcast (stride 0), offsets, gaps between items, accumulate. Elements of C
// outside the matrices must stay untouched. Float64 arrays take the reference loop and must match exactly.
import { describe, expect, it } from 'vitest'
import { gemm, type FloatArray, type GemmArgs } from '../../../engine/backend/cpu/gemm.ts'
import { filled, naiveGemm, worstError } from './naive.ts'

interface Case { m: number; n: number; k: number; batch?: number; transA?: boolean; transB?: boolean; accumulate?: boolean
  strideA?: number; strideB?: number; strideC?: number; offsetA?: number; offsetB?: number; offsetC?: number }

function run(cs: Case, make: (n: number, seed: number) => FloatArray): { got: FloatArray; want: Float64Array; args: GemmArgs } {
  const batch = cs.batch ?? 1
  const sA = cs.strideA ?? cs.m * cs.k, sB = cs.strideB ?? cs.k * cs.n, sC = cs.strideC ?? cs.m * cs.n
  const a = make((cs.offsetA ?? 0) + Math.max(1, batch * sA) + cs.m * cs.k, 1)
  const b = make((cs.offsetB ?? 0) + Math.max(1, batch * sB) + cs.k * cs.n, 2)
  const c = make((cs.offsetC ?? 0) + batch * sC + 5, 3)
  const args: GemmArgs = { ...cs, batch, a, b, c }
  const want = Float64Array.from(c)
  naiveGemm({ ...args, a: Float64Array.from(a), b: Float64Array.from(b), c: want })
  gemm(args)
  return { got: c, want, args }
}

const f32 = (n: number, seed: number): Float32Array => filled(new Float32Array(n), seed)
const f64 = (n: number, seed: number): Float64Array => filled(new Float64Array(n), seed)

const sizes: Case[] = [
  { m: 1, n: 1, k: 1 }, { m: 7, n: 33, k: 129 }, { m: 129, n: 7, k: 33 }, { m: 33, n: 129, k: 7 },
  { m: 1, n: 129, k: 1 }, { m: 129, n: 1, k: 129 }, { m: 5, n: 17, k: 800 }, { m: 67, n: 70, k: 385 },
  { m: 1025, n: 1030, k: 3 }, { m: 9, n: 11, k: 1500 }, { m: 12, n: 10, k: 2048 }, { m: 300, n: 520, k: 40 },
]

describe('gemm float32 (blocked SIMD path)', () => {
  for (const s of sizes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`${s.m}×${s.n}×${s.k} transA=${transA} transB=${transB}`, () => {
          const { got, want, args } = run({ ...s, transA, transB }, f32)
          expect(worstError(got, want, args)).toBeLessThan(1e-5)
        })
      }
    }
  }

  it('batch with A broadcast (stride 0), accumulate, offsets', () => {
    const { got, want, args } = run({ m: 33, n: 65, k: 17, batch: 3, strideA: 0, accumulate: true, offsetA: 3, offsetB: 1, offsetC: 2 }, f32)
    expect(worstError(got, want, args)).toBeLessThan(1e-5)
  })

  it('batch with A broadcast over several k panels and row blocks (A packed once), both transposes', () => {
    for (const transA of [false, true]) {
      const { got, want, args } = run({ m: 130, n: 20, k: 500, batch: 3, strideA: 0, transA }, f32)
      expect(worstError(got, want, args)).toBeLessThan(1e-5)
    }
  })

  it('batch with B broadcast (stride 0), transposes and gaps between items', () => {
    const { got, want, args } = run({ m: 9, n: 7, k: 13, batch: 4, strideB: 0, strideA: 9 * 13 + 4, strideC: 9 * 7 + 3, transA: true, transB: true }, f32)
    expect(worstError(got, want, args)).toBeLessThan(1e-5)
  })

  it('k = 0 writes zeros, or leaves C as it was when accumulating', () => {
    for (const accumulate of [false, true]) {
      const { got, want } = run({ m: 3, n: 9, k: 0, batch: 2, accumulate }, f32)
      expect(Array.from(got)).toEqual(Array.from(want).map(Math.fround))
    }
  })

  it('m = 0, n = 0 or batch = 0 touch nothing', () => {
    for (const cs of [{ m: 0, n: 4, k: 3 }, { m: 4, n: 0, k: 3 }, { m: 4, n: 4, k: 3, batch: 0 }]) {
      const { got, want } = run(cs, f32)
      expect(Array.from(got)).toEqual(Array.from(want).map(Math.fround))
    }
  })
})

describe('gemm float64 (reference loop, for gradient checks)', () => {
  it('matches the naive loop exactly, with transposes, broadcast and accumulate', () => {
    const { got, want } = run({ m: 7, n: 33, k: 12, batch: 2, strideB: 0, transA: true, accumulate: true, offsetC: 1 }, f64)
    expect(Array.from(got)).toEqual(Array.from(want))
  })
})
