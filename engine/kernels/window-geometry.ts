// Sliding-window geometry shared by the unfold/fold and pooling kernels and the ops that drive them.
// Output sizes and padding come from engine/graph (so the ops and shape inference always agree); then
// 1D and 2D are lifted to 3D (leading axes of size 1) so that every kernel needs a single loop nest.

import { ShapeError, slide } from '../graph/op-def.ts'
import type { Padding } from '../graph/padding.ts'
import { sizeOf } from './strides.ts'

type Triple = [number, number, number]

/** the plain-number description a kernel receives: every axis given as [depth, height, width] */
export interface Window {
  /** channels per image (one "plane" is one channel of one image) */
  channels: number
  in: Triple
  kernel: Triple
  stride: Triple
  dilation: Triple
  /** padding before the first input value (padding after it is implied by `out`) */
  pad: Triple
  out: Triple
}

export interface WindowGeometry {
  pads: [number, number][]
  /** output spatial sizes */
  out: number[]
  window: Window
}

export interface WindowOptions {
  stride?: number[]
  dilation?: number[]
  padding?: Padding
}

const lift = (v: readonly number[], fill: number): Triple => {
  const t: Triple = [fill, fill, fill]
  for (let i = 0; i < v.length; i++) t[3 - v.length + i] = v[i]
  return t
}

/** geometry for sliding `kernel` over x [N, C, ...spatial]; errors name the op ("conv: kernel 5×5 is larger …") */
export function windowGeometry(
  op: string, what: 'kernel' | 'window', xShape: readonly number[], kernel: number[], opts: WindowOptions = {}, rankLimit = 3,
): WindowGeometry {
  const [, channels, ...spatial] = xShape
  if (xShape.length < 3) throw new Error(`${op}: needs an input [batch, channels, ...spatial], but gets ${xShape.join('×')}`)
  let g
  try {
    g = slide(what, [channels, ...spatial], kernel, opts.stride, opts.dilation, opts.padding ?? 'valid', rankLimit)
  } catch (e) {
    throw e instanceof ShapeError ? new Error(`${op}: ${e.message}`) : e
  }
  if ([...g.stride, ...g.dilation, ...kernel].some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${op}: ${what} ${kernel.join('×')}, stride ${g.stride.join('×')} and dilation ${g.dilation.join('×')} must be positive integers`)
  }
  if (g.pads.some(([lo, hi]) => lo < 0 || hi < 0)) throw new Error(`${op}: padding ${JSON.stringify(g.pads)} is negative`)
  return {
    pads: g.pads,
    out: g.out,
    window: {
      channels,
      in: lift(spatial, 1),
      kernel: lift(kernel, 1),
      stride: lift(g.stride, 1),
      dilation: lift(g.dilation, 1),
      pad: lift(g.pads.map(([lo]) => lo), 0),
      out: lift(g.out, 1),
    },
  }
}

/** a 1×1 window over `positions`: unfold and fold with it only move values between layouts (a transpose) */
export const pointwise = (channels: number, positions: number): Window => ({
  channels, in: [1, 1, positions], kernel: [1, 1, 1], stride: [1, 1, 1], dilation: [1, 1, 1], pad: [0, 0, 0], out: [1, 1, positions],
})

/** the run of output positions along one axis whose input index o·stride + offset stays inside [0, size) */
function validRange(offset: number, stride: number, size: number, outSize: number): [number, number] {
  const lo = Math.max(0, Math.ceil(-offset / stride))
  const hi = Math.min(outSize, Math.floor((size - 1 - offset) / stride) + 1)
  return [lo, Math.max(lo, hi)]
}

/** element strides of a columns tensor: per image, per row (channel · kernel offset), per output position */
export interface ColumnLayout { image: number; row: number; pos: number }

/** the layout convolution wants: columns [N, C·K, P], one matrix per image */
export const imageMajor = (w: Window): ColumnLayout => {
  const positions = sizeOf(w.out), rows = w.channels * sizeOf(w.kernel)
  return { image: rows * positions, row: positions, pos: 1 }
}

/** ints per windowRows entry */
export const ROW = 5

/**
 * The rows of columns one plane (one channel of one image) fills, in groups of consecutive rows that share a
 * kernel offset and depth and are all inside the input or all in padding. ROW ints per group: the x offset of
 * its first row's output position 0 from the plane's start, that row's columns offset from the plane's first
 * row, the run lo…hi−1 of output positions that read inside the input (0…0 in padding), and the row count.
 * Within a group, rows step by stride·width in x and by out-width·pos in the columns. The same for every
 * plane, so unfold and fold build it once per call and walk it with no per-element geometry.
 */
export function windowRows(w: Window, flip: boolean, layout: ColumnLayout): Int32Array {
  const [iD, iH, iW] = w.in, [kD, kH, kW] = w.kernel, [sD, sH, sW] = w.stride
  const [dD, dH, dW] = w.dilation, [pD, pH, pW] = w.pad, [oD, oH, oW] = w.out
  const taps = kD * kH * kW
  const rows = new Int32Array(ROW * taps * oD * Math.min(oH, 3))
  let r = 0
  for (let kd = 0, k = 0; kd < kD; kd++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++, k++) {
        // true convolution pairs input offset k with weight K−1−k on every axis at once
        const colRow = (flip ? taps - 1 - k : k) * layout.row
        const [lo, hi] = validRange(kw * dW - pW, sW, iW, oW)
        for (let od = 0; od < oD; od++) {
          const id = od * sD + kd * dD - pD
          // rows inside the input along H form one run: before it, in it, after it
          const [h0, h1] = id >= 0 && id < iD ? validRange(kh * dH - pH, sH, iH, oH) : [oH, oH]
          for (const [from, to, inside] of [[0, h0, false], [h0, h1, true], [h1, oH, false]] as const) {
            if (to <= from) continue
            rows[r] = (id * iH + from * sH + kh * dH - pH) * iW + kw * dW - pW
            rows[r + 1] = colRow + (od * oH + from) * oW * layout.pos
            rows[r + 2] = inside ? lo : 0
            rows[r + 3] = inside ? hi : 0
            rows[r + 4] = to - from
            r += ROW
          }
        }
      }
    }
  }
  return rows.subarray(0, r)
}

/**
 * What each output position of a plane reads, for pooling: output o covers taps[start[o]] … taps[start[o+1] − 1],
 * offsets from the plane's start (padding is left out). The same for every plane, so it is built once per call.
 */
export function windowTaps(w: Window): { start: Int32Array; taps: Int32Array } {
  const [iD, iH, iW] = w.in, [kD, kH, kW] = w.kernel, [sD, sH, sW] = w.stride
  const [dD, dH, dW] = w.dilation, [pD, pH, pW] = w.pad, [oD, oH, oW] = w.out
  const start = new Int32Array(oD * oH * oW + 1), taps = new Int32Array(oD * oH * oW * kD * kH * kW)
  let o = 0, n = 0
  for (let od = 0; od < oD; od++) {
    const bd = od * sD - pD, [d0, d1] = validRange(bd, dD, iD, kD)
    for (let oh = 0; oh < oH; oh++) {
      const bh = oh * sH - pH, [h0, h1] = validRange(bh, dH, iH, kH)
      for (let ow = 0; ow < oW; ow++) {
        const bw = ow * sW - pW, [w0, w1] = validRange(bw, dW, iW, kW)
        for (let kd = d0; kd < d1; kd++) {
          for (let kh = h0; kh < h1; kh++) {
            const row = ((bd + kd * dD) * iH + bh + kh * dH) * iW + bw
            for (let kw = w0; kw < w1; kw++) taps[n++] = row + kw * dW
          }
        }
        start[++o] = n
      }
    }
  }
  return { start, taps }
}

/** where plane `plane` starts in x and in the columns */
export function planeStarts(w: Window, layout: ColumnLayout, plane: number): [number, number] {
  const n = Math.floor(plane / w.channels), c = plane - n * w.channels
  return [plane * sizeOf(w.in), n * layout.image + c * sizeOf(w.kernel) * layout.row]
}
