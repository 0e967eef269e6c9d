// fold (col2im): the adjoint of unfold. Sums every column entry back onto the input position it was read
// from, so overlapping windows add up and padding entries vanish; this is the input gradient of a convolution.
// Big calls are split by planes over the CPU thread pool.
import { splitRanges } from '../backend/cpu/split-ranges.ts'
import { defineKernel } from './kernel.ts'
import { sizeOf } from './strides.ts'
import { ROW, planeStarts, windowRows } from './window-geometry.ts'
import type { UnfoldParams } from './unfold.ts'
import type { TypedArray } from '../backend/backend.ts'
import { foldWgsl } from './window.wgsl.ts'

/** x planes begin…end−1 from the columns (each plane is overwritten, so ranges may run in parallel) */
export function foldPlanes(cols: TypedArray, x: TypedArray, p: UnfoldParams, begin: number, end: number): void {
  const rows = windowRows(p.window, p.flip, p.layout)
  const pos = p.layout.pos, sW = p.window.stride[2]
  const xStep = p.window.stride[1] * p.window.in[2], colStep = p.window.out[2] * pos
  x.fill(0, begin * sizeOf(p.window.in), end * sizeOf(p.window.in))
  for (let plane = begin; plane < end; plane++) {
    const [xPlane, colPlane] = planeStarts(p.window, p.layout, plane)
    for (let r = 0; r < rows.length; r += ROW) {
      const lo = rows[r + 2], hi = rows[r + 3], count = rows[r + 4]
      let xRow = xPlane + rows[r] + lo * sW, colRow = colPlane + rows[r + 1] + lo * pos
      const run = hi - lo
      if (pos === 1 && sW === 1) { // unit-stride rows: plain indexed loops, by 4 (short rows make loop overhead count)
        for (let row = 0; row < count; row++, xRow += xStep, colRow += colStep) {
          let o = 0
          for (; o + 4 <= run; o += 4) {
            const s = xRow + o, d = colRow + o
            x[s] += cols[d]; x[s + 1] += cols[d + 1]; x[s + 2] += cols[d + 2]; x[s + 3] += cols[d + 3]
          }
          for (; o < run; o++) x[xRow + o] += cols[colRow + o]
        }
        continue
      }
      for (let row = 0; row < count; row++, xRow += xStep, colRow += colStep) {
        for (let o = lo, d = colRow, s = xRow; o < hi; o++, d += pos, s += sW) x[s] += cols[d]
      }
    }
  }
}

export const fold = defineKernel<UnfoldParams>({
  name: 'fold',
  cpu: (inputs, outputs, p) =>
    splitRanges('fold', inputs, outputs, p, p.planes, inputs[0].length + outputs[0].length, (b, e) => foldPlanes(inputs[0], outputs[0], p, b, e)),
  wgsl: foldWgsl,
})
