// N-D pooling over spatial windows (1D/2D/3D lifted to 3D): max (with the argmax of each window, so the
// backward pass can route the gradient), average (padding left out of the count, ONNX's count_include_pad=0)
// and Lp, (Σ x^p)^(1/p) as PyTorch's LPPool. PyTorch's LPPool takes no padding; here padding counts as
// zeros, which for p > 0 is the same as leaving it out of the sum.
import { defineKernel } from './kernel.ts'
import { validRange, volume, type Window } from './window-geometry.ts'
import type { TypedArray } from '../backend/backend.ts'

export type PoolMode = 'max' | 'avg' | 'lp'

export interface PoolParams {
  window: Window
  mode: PoolMode
  /** the exponent of lp pooling */
  p: number
  /** images × channels */
  planes: number
}

/**
 * For every output position of every plane: fills taps[0…n) with the x indices its window covers inside
 * the input (padding is skipped) and calls visit(y index, n). Indices are absolute; max argmax is plane-relative.
 */
function forEachWindow(w: Window, planes: number, taps: Int32Array, visit: (o: number, n: number, xPlane: number) => void): void {
  const [iD, iH, iW] = w.in, [kD, kH, kW] = w.kernel, [sD, sH, sW] = w.stride
  const [dD, dH, dW] = w.dilation, [pD, pH, pW] = w.pad, [oD, oH, oW] = w.out
  const inVol = iD * iH * iW
  for (let plane = 0, o = 0; plane < planes; plane++) {
    const xPlane = plane * inVol
    for (let od = 0; od < oD; od++) {
      const bd = od * sD - pD, [d0, d1] = validRange(bd, dD, iD, kD)
      for (let oh = 0; oh < oH; oh++) {
        const bh = oh * sH - pH, [h0, h1] = validRange(bh, dH, iH, kH)
        for (let ow = 0; ow < oW; ow++, o++) {
          const bw = ow * sW - pW, [w0, w1] = validRange(bw, dW, iW, kW)
          let n = 0
          for (let kd = d0; kd < d1; kd++) {
            for (let kh = h0; kh < h1; kh++) {
              const rowStart = xPlane + ((bd + kd * dD) * iH + bh + kh * dH) * iW + bw
              for (let kw = w0; kw < w1; kw++) taps[n++] = rowStart + kw * dW
            }
          }
          visit(o, n, xPlane)
        }
      }
    }
  }
}

/** outputs: [y] for avg and lp, [y, argmax] (Int32, relative to the plane) for max */
export function poolForward([x]: TypedArray[], [y, argmax]: TypedArray[], { window, mode, p, planes }: PoolParams): void {
  const taps = new Int32Array(volume(window.kernel))
  forEachWindow(window, planes, taps, (o, n, xPlane) => {
    if (mode === 'max') {
      let best = -Infinity, at = n > 0 ? taps[0] : xPlane
      for (let t = 0; t < n; t++) {
        const v = x[taps[t]]
        if (!(v <= best)) { best = v; at = taps[t] } // NaN wins, as in PyTorch
      }
      y[o] = best
      argmax[o] = at - xPlane
    } else if (mode === 'avg') {
      let sum = 0
      for (let t = 0; t < n; t++) sum += x[taps[t]]
      y[o] = n > 0 ? sum / n : 0
    } else {
      let sum = 0
      for (let t = 0; t < n; t++) sum += p === 2 ? x[taps[t]] * x[taps[t]] : x[taps[t]] ** p
      y[o] = p === 2 ? Math.sqrt(sum) : sum ** (1 / p)
    }
  })
}

/**
 * dx from dy. inputs: [dy, argmax] for max, [dy] for avg, [dy, x, y] for lp, whose gradient
 * x^(p−1) · y^(1−p) · dy is taken as 0 where y = 0 (as PyTorch, whose LPPool ends in a ReLU).
 */
export function poolBackward([dy, a, b]: TypedArray[], [dx]: TypedArray[], { window, mode, p, planes }: PoolParams): void {
  dx.fill(0)
  const taps = new Int32Array(volume(window.kernel))
  if (mode === 'max') {
    const outVol = volume(window.out), inVol = volume(window.in)
    for (let o = 0; o < dy.length; o++) dx[Math.floor(o / outVol) * inVol + a[o]] += dy[o]
    return
  }
  forEachWindow(window, planes, taps, (o, n) => {
    if (mode === 'avg') {
      const g = n > 0 ? dy[o] / n : 0
      for (let t = 0; t < n; t++) dx[taps[t]] += g
    } else if (b[o] !== 0) {
      const g = dy[o] * b[o] ** (1 - p)
      for (let t = 0; t < n; t++) dx[taps[t]] += p === 2 ? g * a[taps[t]] : g * a[taps[t]] ** (p - 1)
    }
  })
}

export const pool = defineKernel<PoolParams>({ name: 'pool', cpu: poolForward })
export const poolGrad = defineKernel<PoolParams>({ name: 'pool-grad', cpu: poolBackward })
