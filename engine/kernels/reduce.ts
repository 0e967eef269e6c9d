// Reductions: sum or max over any set of axes (output keeps those axes with size 1), and argmax
// along one axis. One strided walk serves every axis set; the walk's inner run is the last axis.
import { defineKernel } from './kernel.ts'
import { contiguousStrides, walkRuns } from './strides.ts'
import { argmaxWgsl, reduceWgsl } from './reduce.wgsl.ts'

export interface ReduceParams {
  op: 'sum' | 'max'
  inShape: number[]
  axes: number[]
}

export const reduce = defineKernel<ReduceParams>({
  name: 'reduce',
  cpu([x], [y], { op, inShape, axes }) {
    y.fill(op === 'sum' ? 0 : -Infinity)
    if (inShape.length === 0) { y[0] = x[0]; return }
    const keep = inShape.map((d, i) => (axes.includes(i) ? 1 : d))
    const outStrides = contiguousStrides(keep).map((s, i) => (axes.includes(i) ? 0 : s))
    walkRuns(inShape, [contiguousStrides(inShape), outStrides], (_, [i, o], n, [, so]) => {
      if (op === 'sum') {
        if (so === 0) {
          let acc = 0
          for (let j = 0; j < n; j++) acc += x[i + j]
          y[o] += acc
        } else for (let j = 0; j < n; j++) y[o + j] += x[i + j]
      } else if (so === 0) {
        let m = y[o]
        for (let j = 0; j < n; j++) if (x[i + j] > m || Number.isNaN(x[i + j])) m = x[i + j]
        y[o] = m
      } else for (let j = 0; j < n; j++) if (x[i + j] > y[o + j] || Number.isNaN(x[i + j])) y[o + j] = x[i + j]
    })
  },
  wgsl: ({ op, inShape, axes }) => reduceWgsl(op, inShape, axes),
})

/** index of the largest value along the middle axis of [outer, n, inner] (first one on ties) */
export const argmax = defineKernel<{ outer: number; n: number; inner: number }>({
  name: 'argmax',
  cpu([x], [y], { outer, n, inner }) {
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        let best = 0, bestVal = x[o * n * inner + k]
        for (let j = 1; j < n; j++) {
          const v = x[(o * n + j) * inner + k]
          if (v > bestVal) { best = j; bestVal = v }
        }
        y[o * inner + k] = best
      }
    }
  },
  wgsl: ({ outer, n, inner }) => argmaxWgsl(outer, n, inner),
})
