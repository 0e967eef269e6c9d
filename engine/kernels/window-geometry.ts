// Sliding-window geometry shared by the unfold/fold and pooling kernels and the ops that drive them.
// Output sizes and padding come from engine/graph (so the ops and shape inference always agree); then
// 1D and 2D are lifted to 3D (leading axes of size 1) so that every kernel needs a single loop nest.

import { ShapeError, slide } from '../graph/op-def.ts'
import type { Padding } from '../graph/padding.ts'

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
  /** spatial axes of the caller's tensors (1, 2 or 3) */
  rank: number
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
    rank: spatial.length,
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
export function validRange(offset: number, stride: number, size: number, outSize: number): [number, number] {
  const lo = Math.max(0, Math.ceil(-offset / stride))
  const hi = Math.min(outSize, Math.floor((size - 1 - offset) / stride) + 1)
  return [lo, Math.max(lo, hi)]
}

/** element strides of a columns tensor: per image, per row (channel · kernel offset), per output position */
export interface ColumnLayout { image: number; row: number; pos: number }

/** the layout convolution wants: columns [N, C·K, P], one matrix per image */
export const imageMajor = (w: Window): ColumnLayout => {
  const positions = volume(w.out), rows = w.channels * volume(w.kernel)
  return { image: rows * positions, row: positions, pos: 1 }
}

/** called once per (kernel offset, output row): output positions lo…hi−1 read x[xStart + o·stride] (others are padding) */
export type RowVisitor = (xStart: number, colStart: number, lo: number, hi: number) => void

/** walks the rows of columns that plane `plane` (channel c of image n) fills; the common core of unfold and fold */
export function forEachWindowRow(w: Window, flip: boolean, layout: ColumnLayout, plane: number, visit: RowVisitor): void {
  const [iD, iH, iW] = w.in, [kD, kH, kW] = w.kernel, [sD, sH, sW] = w.stride
  const [dD, dH, dW] = w.dilation, [pD, pH, pW] = w.pad, [oD, oH, oW] = w.out
  const n = Math.floor(plane / w.channels), c = plane - n * w.channels
  const xPlane = plane * iD * iH * iW, taps = kD * kH * kW, rowStep = oW * layout.pos
  for (let kd = 0, k = 0; kd < kD; kd++) {
    for (let kh = 0; kh < kH; kh++) {
      for (let kw = 0; kw < kW; kw++, k++) {
        // true convolution pairs input offset k with weight K−1−k on every axis at once
        let col = n * layout.image + (c * taps + (flip ? taps - 1 - k : k)) * layout.row
        const [lo, hi] = validRange(kw * dW - pW, sW, iW, oW)
        for (let od = 0; od < oD; od++) {
          const id = od * sD + kd * dD - pD
          for (let oh = 0; oh < oH; oh++, col += rowStep) {
            const ih = oh * sH + kh * dH - pH
            const inside = id >= 0 && id < iD && ih >= 0 && ih < iH
            visit(xPlane + (id * iH + ih) * iW + kw * dW - pW, col, inside ? lo : 0, inside ? hi : 0)
          }
        }
      }
    }
  }
}

export const volume = (t: readonly number[]): number => t.reduce((a, b) => a * b, 1)
