// unfold (im2col): copies every window of x [N, C, ...spatial] into columns, so that a convolution is one
// matrix product. Row c·K + k of an image's columns holds kernel offset k of channel c at every output
// position (padding reads as 0); with flip the offsets pair mirrored, which makes the product a true convolution.
import { defineKernel } from './kernel.ts'
import { ROW, planeStarts, windowRows, type ColumnLayout, type Window } from './window-geometry.ts'
import type { TypedArray } from '../backend/backend.ts'

export interface UnfoldParams {
  window: Window
  flip: boolean
  layout: ColumnLayout
  /** images × channels */
  planes: number
}

/** columns for planes begin…end−1 (planes write disjoint rows, so ranges may run in parallel) */
export function unfoldPlanes(x: TypedArray, cols: TypedArray, p: UnfoldParams, begin: number, end: number): void {
  const rows = windowRows(p.window, p.flip, p.layout, true)
  const pos = p.layout.pos, oW = p.window.out[2], sW = p.window.stride[2]
  for (let plane = begin; plane < end; plane++) {
    const [xPlane, colPlane] = planeStarts(p.window, p.layout, plane)
    for (let r = 0; r < rows.length; r += ROW) {
      const lo = rows[r + 2], hi = rows[r + 3], count = rows[r + 4]
      let d = colPlane + rows[r + 1], s = xPlane + rows[r] + lo * sW, o = 0
      if (count > 1) {
        // joined rows (contiguous in x and columns): one block copy, then zero each row's padding
        cols.set(x.subarray(s, s + (count - 1) * oW + hi - lo), d + lo)
        for (let row = 0; row < count; row++, d += oW) {
          for (o = 0; o < lo; o++) cols[d + o] = 0
          for (o = hi; o < oW; o++) cols[d + o] = 0
        }
        continue
      }
      for (; o < lo; o++, d += pos) cols[d] = 0
      for (; o < hi; o++, d += pos, s += sW) cols[d] = x[s]
      for (; o < oW; o++, d += pos) cols[d] = 0
    }
  }
}

export const unfold = defineKernel<UnfoldParams>({
  name: 'unfold',
  cpu: ([x], [cols], p) => unfoldPlanes(x, cols, p, 0, p.planes),
})
