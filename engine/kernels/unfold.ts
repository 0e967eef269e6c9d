// unfold (im2col): copies every window of x [N, C, ...spatial] into columns, so that a convolution is one
// matrix product. Row c·K + k of an image's columns holds kernel offset k of channel c at every output
// position (padding reads as 0); with flip the offsets pair mirrored, which makes the product a true convolution.
import { defineKernel } from './kernel.ts'
import { forEachWindowRow, type ColumnLayout, type Window } from './window-geometry.ts'
import type { TypedArray } from '../backend/backend.ts'

export interface UnfoldParams {
  window: Window
  flip: boolean
  layout: ColumnLayout
}

/** columns for planes begin…end−1 (a plane is one channel of one image; planes write disjoint rows) */
export function unfoldPlanes(x: TypedArray, cols: TypedArray, p: UnfoldParams, begin: number, end: number): void {
  const { pos } = p.layout, oW = p.window.out[2], sW = p.window.stride[2]
  const row = (xs: number, cs: number, lo: number, hi: number) => {
    let o = 0
    for (; o < lo; o++) cols[cs + o * pos] = 0
    for (; o < hi; o++) cols[cs + o * pos] = x[xs + o * sW]
    for (; o < oW; o++) cols[cs + o * pos] = 0
  }
  for (let plane = begin; plane < end; plane++) forEachWindowRow(p.window, p.flip, p.layout, plane, row)
}

export const unfold = defineKernel<UnfoldParams & { planes: number }>({
  name: 'unfold',
  cpu: ([x], [cols], p) => unfoldPlanes(x, cols, p, 0, p.planes),
})
