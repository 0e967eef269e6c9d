// Concatenation along an axis (the channel axis by default). Each input's rows (one per index before
// and at the axis) are scattered into the output at its offset; the backward gathers them back.
// Row tables depend on shapes only, so they are built on the host and never read from the device.
import { record } from '../autograd.ts'
import { gather, scatterAdd } from '../kernels/gather.ts'
import { sizeOf } from '../kernels/strides.ts'
import { fmtShape, Tensor } from '../tensor.ts'
import { launch } from './dispatch.ts'

/** output row of each input row: (outer o, channel c) → o·total + offset + c */
function rowTable(like: Tensor, outer: number, channels: number, total: number, offset: number): Tensor {
  const idx = new Int32Array(outer * channels)
  for (let o = 0; o < outer; o++) for (let c = 0; c < channels; c++) idx[o * channels + c] = o * total + offset + c
  return Tensor.fromInt(idx, [idx.length], like.backend)
}

export function concat(xs: Tensor[], axis = 1): Tensor {
  if (xs.length === 0) throw new Error('concat: needs at least one input')
  const first = xs[0]
  const a = axis < 0 ? axis + first.ndim : axis
  if (!(a >= 0 && a < first.ndim)) throw new Error(`concat: axis ${axis} is out of range for shape ${fmtShape(first.shape)}`)
  for (const x of xs) {
    if (x.ndim !== first.ndim || x.shape.some((d, i) => i !== a && d !== first.shape[i])) {
      throw new Error(`concat: shapes ${fmtShape(first.shape)} and ${fmtShape(x.shape)} differ outside axis ${a}`)
    }
  }
  if (xs.length === 1) return xs[0]
  const outer = sizeOf(first.shape.slice(0, a)), inner = sizeOf(first.shape.slice(a + 1))
  const total = xs.reduce((s, x) => s + x.shape[a], 0)
  const shape = first.shape.map((d, i) => (i === a ? total : d))
  let offset = 0
  const tables = xs.map((x) => { const t = rowTable(x, outer, x.shape[a], total, offset); offset += x.shape[a]; return t })
  const out = Tensor.empty(shape, 'f32', first.backend)
  xs.forEach((x, i) => {
    if (x.backend !== out.backend) throw new Error('concat: inputs live on different backends')
    out.backend.run(scatterAdd, [x.buffer, tables[i].buffer], [out.buffer], { block: inner, accumulate: i > 0 })
  })
  return record('concat', out, xs, (g) => xs.map((x, i) => launch(gather, [g, tables[i]], x.shape, { block: inner })))
}
