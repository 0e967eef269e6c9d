// unfold (im2col): copies every window of x [N, C, ...spatial] into columns, so that a convolution is one
// matrix product. Row c·K + k of an image's columns holds kernel offset k of channel c at every output
// position (padding reads as 0); with flip the offsets pair mirrored, which makes the product a true convolution.
// Big calls are split by planes over the CPU thread pool.
import { splitRanges } from '../backend/cpu/split-ranges.ts'
import { defineKernel } from './kernel.ts'
import { ROW, planeStarts, windowRows, type ColumnLayout, type Window } from './window-geometry.ts'
import type { TypedArray } from '../backend/backend.ts'
import { unfoldWgsl } from './window.wgsl.ts'

export interface UnfoldParams {
  window: Window
  flip: boolean
  layout: ColumnLayout
  /** images × channels */
  planes: number
}

/** columns for planes begin…end−1 (planes write disjoint rows, so ranges may run in parallel) */
export function unfoldPlanes(x: TypedArray, cols: TypedArray, p: UnfoldParams, begin: number, end: number): void {
  const rows = windowRows(p.window, p.flip, p.layout)
  const pos = p.layout.pos, oW = p.window.out[2], sW = p.window.stride[2]
  const xStep = p.window.stride[1] * p.window.in[2], colStep = oW * pos
  // rows contiguous in both x and the columns (stride-1 'same' convolutions) copy as one block
  const blocks = pos === 1 && sW === 1 && xStep === colStep
  for (let plane = begin; plane < end; plane++) {
    const [xPlane, colPlane] = planeStarts(p.window, p.layout, plane)
    for (let r = 0; r < rows.length; r += ROW) {
      const lo = rows[r + 2], hi = rows[r + 3], count = rows[r + 4]
      let xRow = xPlane + rows[r] + lo * sW, colRow = colPlane + rows[r + 1]
      if (blocks && hi > lo && count > 1) {
        cols.set(x.subarray(xRow, xRow + (count - 1) * oW + hi - lo), colRow + lo)
        for (let row = 0; row < count; row++, colRow += oW) { // the copy ran through the padding between rows
          for (let o = 0; o < lo; o++) cols[colRow + o] = 0
          for (let o = hi; o < oW; o++) cols[colRow + o] = 0
        }
        continue
      }
      if (pos === 1 && sW === 1) { // short unit-stride rows (valid convolutions): plain indexed loops, by 4
        for (let row = 0; row < count; row++, xRow += xStep, colRow += colStep) {
          const shift = xRow - lo
          for (let o = 0; o < lo; o++) cols[colRow + o] = 0
          let o = lo
          for (; o + 4 <= hi; o += 4) {
            const d = colRow + o, s = shift + o
            cols[d] = x[s]; cols[d + 1] = x[s + 1]; cols[d + 2] = x[s + 2]; cols[d + 3] = x[s + 3]
          }
          for (; o < hi; o++) cols[colRow + o] = x[shift + o]
          for (o = hi; o < oW; o++) cols[colRow + o] = 0
        }
        continue
      }
      for (let row = 0; row < count; row++, xRow += xStep, colRow += colStep) {
        let d = colRow, s = xRow, o = 0
        for (; o < lo; o++, d += pos) cols[d] = 0
        for (; o < hi; o++, d += pos, s += sW) cols[d] = x[s]
        for (; o < oW; o++, d += pos) cols[d] = 0
      }
    }
  }
}

export const unfold = defineKernel<UnfoldParams>({
  name: 'unfold',
  cpu: (inputs, outputs, p) =>
    splitRanges('unfold', inputs, outputs, p, p.planes, inputs[0].length + outputs[0].length, (b, e) => unfoldPlanes(inputs[0], outputs[0], p, b, e)),
  wgsl: unfoldWgsl,
})
