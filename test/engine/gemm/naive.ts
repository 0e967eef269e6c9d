// The oracle for the gemm tests: a triple loop in float64 written from the definition, independent of the
// engine's own loops, plus deterministic inputs and an error measure scaled by the size of the terms.
import type { GemmArgs } from '../../../engine/backend/cpu/gemm.ts'

/** values in [-1, 1) from a small LCG, different for each seed */
export function filled<T extends Float32Array | Float64Array>(x: T, seed: number): T {
  let s = seed * 2654435761 >>> 0
  for (let i = 0; i < x.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    x[i] = s / 2 ** 31 - 1
  }
  return x
}

const opA = (g: GemmArgs, o: number, i: number, p: number): number => g.a[o + (g.transA ? p * g.m + i : i * g.k + p)]
const opB = (g: GemmArgs, o: number, p: number, j: number): number => g.b[o + (g.transB ? j * g.k + p : p * g.n + j)]
const bases = (g: GemmArgs, item: number): [number, number, number] => [
  (g.offsetA ?? 0) + item * (g.strideA ?? g.m * g.k),
  (g.offsetB ?? 0) + item * (g.strideB ?? g.k * g.n),
  (g.offsetC ?? 0) + item * (g.strideC ?? g.m * g.n),
]

export function naiveGemm(g: GemmArgs): void {
  for (let item = 0; item < g.batch; item++) {
    const [oa, ob, oc] = bases(g, item)
    for (let i = 0; i < g.m; i++) {
      for (let j = 0; j < g.n; j++) {
        let sum = g.accumulate ? g.c[oc + i * g.n + j] : 0
        for (let p = 0; p < g.k; p++) sum += opA(g, oa, i, p) * opB(g, ob, p, j)
        g.c[oc + i * g.n + j] = sum
      }
    }
  }
}

/** the largest |got − want| over C, each divided by 1 + Σ|a·b| (+|c| when accumulating) for that element;
 *  elements outside the matrices must be equal, so they count with no scaling */
export function worstError(got: ArrayLike<number>, want: ArrayLike<number>, g: GemmArgs): number {
  const scale = new Float64Array(got.length).fill(1)
  for (let item = 0; item < g.batch; item++) {
    const [oa, ob, oc] = bases(g, item)
    for (let i = 0; i < g.m; i++) {
      for (let j = 0; j < g.n; j++) {
        let s = 1 + (g.accumulate ? Math.abs(want[oc + i * g.n + j]) : 0)
        for (let p = 0; p < g.k; p++) s += Math.abs(opA(g, oa, i, p) * opB(g, ob, p, j))
        scale[oc + i * g.n + j] = s
      }
    }
  }
  let worst = 0
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - Math.fround(want[i])) / scale[i])
  return worst
}
