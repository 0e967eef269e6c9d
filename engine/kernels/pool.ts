// N-D pooling over spatial windows (1D/2D/3D lifted to 3D): max (with the argmax of each window, so the
// backward pass can route the gradient), average (padding left out of the count, ONNX's count_include_pad=0)
// and Lp, (Σ x^p)^(1/p) as PyTorch's LPPool. PyTorch's LPPool takes no padding; here padding counts as
// zeros, which for p > 0 is the same as leaving it out of the sum. Big calls are split by planes over the CPU
// thread pool.
import { splitRanges } from '../backend/cpu/split-ranges.ts'
import { defineKernel } from './kernel.ts'
import { sizeOf } from './strides.ts'
import { windowTaps, type Window } from './window-geometry.ts'
import type { TypedArray } from '../backend/backend.ts'
import { poolGradWgsl, poolWgsl } from './window.wgsl.ts'

export type PoolMode = 'max' | 'avg' | 'lp'

export interface PoolParams {
  window: Window
  mode: PoolMode
  /** the exponent of lp pooling */
  p: number
  /** images × channels */
  planes: number
}

/** planes begin…end−1; outputs: [y] for avg and lp, [y, argmax] for max (Int32, the offset of the maximum within its plane) */
export function poolPlanes([x]: TypedArray[], [y, argmax]: TypedArray[], { window, mode, p }: PoolParams, begin: number, end: number): void {
  const { start, taps } = windowTaps(window)
  const inVol = sizeOf(window.in), outVol = start.length - 1
  if (mode === 'max') return maxPlanes(x, y, argmax, start, taps, inVol, begin, end)
  for (let plane = begin, o = begin * outVol; plane < end; plane++) {
    const xb = plane * inVol
    for (let q = 0; q < outVol; q++, o++) {
      const t0 = start[q], t1 = start[q + 1]
      let sum = 0
      if (mode === 'avg') {
        for (let t = t0; t < t1; t++) sum += x[xb + taps[t]]
        y[o] = t1 > t0 ? sum / (t1 - t0) : 0
      } else {
        for (let t = t0; t < t1; t++) sum += p === 2 ? x[xb + taps[t]] ** 2 : x[xb + taps[t]] ** p
        y[o] = p === 2 ? Math.sqrt(sum) : sum ** (1 / p)
      }
    }
  }
}

/** max pooling on its own loop (the hot mode: no per-window mode test) */
function maxPlanes(x: TypedArray, y: TypedArray, argmax: TypedArray, start: Int32Array, taps: Int32Array, inVol: number, begin: number, end: number): void {
  const outVol = start.length - 1
  for (let plane = begin, o = begin * outVol; plane < end; plane++) {
    const xb = plane * inVol
    for (let q = 0; q < outVol; q++, o++) {
      const t0 = start[q], t1 = start[q + 1]
      // as PyTorch: the first maximum, unless there is a NaN (then the last NaN); selected by arithmetic,
      // since a branch on random data mispredicts about every other tap
      let at = t0 < t1 ? taps[t0] : 0, best = t0 < t1 ? x[xb + at] : -Infinity
      for (let t = t0 + 1; t < t1; t++) {
        const tap = taps[t], v = x[xb + tap], take = +(v > best) | +(v !== v)
        at += take * (tap - at)
        best = x[xb + at]
      }
      y[o] = best
      argmax[o] = at
    }
  }
}

/**
 * dx planes begin…end−1 from dy. inputs: [dy, argmax] for max, [dy] for avg, [dy, x, y] for lp, whose gradient
 * x^(p−1) · y^(1−p) · dy is taken as 0 where y = 0 (as PyTorch, whose LPPool ends in a ReLU).
 */
export function poolGradPlanes([dy, a, b]: TypedArray[], [dx]: TypedArray[], { window, mode, p }: PoolParams, begin: number, end: number): void {
  const inVol = sizeOf(window.in), outVol = sizeOf(window.out)
  dx.fill(0, begin * inVol, end * inVol)
  if (mode === 'max') {
    for (let plane = begin, o = begin * outVol; plane < end; plane++) {
      for (let q = 0; q < outVol; q++, o++) dx[plane * inVol + a[o]] += dy[o]
    }
    return
  }
  const { start, taps } = windowTaps(window)
  for (let plane = begin, o = begin * outVol; plane < end; plane++) {
    const xb = plane * inVol
    for (let q = 0; q < outVol; q++, o++) {
      const t0 = start[q], t1 = start[q + 1]
      if (mode === 'avg') {
        const g = t1 > t0 ? dy[o] / (t1 - t0) : 0
        for (let t = t0; t < t1; t++) dx[xb + taps[t]] += g
      } else if (b[o] !== 0) {
        const g = dy[o] * b[o] ** (1 - p)
        for (let t = t0; t < t1; t++) dx[xb + taps[t]] += p === 2 ? g * a[xb + taps[t]] : g * a[xb + taps[t]] ** (p - 1)
      }
    }
  }
}

/** elements a call touches, to judge whether splitting it pays */
const touched = (arrays: TypedArray[]) => arrays.reduce((sum, a) => sum + (a?.length ?? 0), 0)

export const pool = defineKernel<PoolParams>({
  name: 'pool',
  cpu: (inputs, outputs, p) =>
    splitRanges('pool', inputs, outputs, p, p.planes, touched([...inputs, ...outputs]), (b, e) => poolPlanes(inputs, outputs, p, b, e)),
  wgsl: poolWgsl,
})
export const poolGrad = defineKernel<PoolParams>({
  name: 'pool-grad',
  cpu: (inputs, outputs, p) =>
    splitRanges('pool-grad', inputs, outputs, p, p.planes, touched([...inputs, ...outputs]), (b, e) => poolGradPlanes(inputs, outputs, p, b, e)),
  wgsl: poolGradWgsl,
})
