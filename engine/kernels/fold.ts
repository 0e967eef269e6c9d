// fold (col2im): the adjoint of unfold. Sums every column entry back onto the input position it was read
// from, so overlapping windows add up and padding entries vanish; this is the input gradient of a convolution.
import { defineKernel } from './kernel.ts'
import { forEachWindowRow, volume } from './window-geometry.ts'
import type { UnfoldParams } from './unfold.ts'
import type { TypedArray } from '../backend/backend.ts'

/** x planes begin…end−1 from the columns (each plane is overwritten, so planes may run in parallel) */
export function foldPlanes(cols: TypedArray, x: TypedArray, p: UnfoldParams, begin: number, end: number): void {
  const { pos } = p.layout, sW = p.window.stride[2], planeSize = volume(p.window.in)
  const row = (xs: number, cs: number, lo: number, hi: number) => {
    for (let o = lo; o < hi; o++) x[xs + o * sW] += cols[cs + o * pos]
  }
  x.fill(0, begin * planeSize, end * planeSize)
  for (let plane = begin; plane < end; plane++) forEachWindowRow(p.window, p.flip, p.layout, plane, row)
}

export const fold = defineKernel<UnfoldParams & { planes: number }>({
  name: 'fold',
  cpu: ([cols], [x], p) => foldPlanes(cols, x, p, 0, p.planes),
})
