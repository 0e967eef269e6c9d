// Shape ops: reshape and flatten share the buffer (a view); permute reorders axes through a gather
// with an index table built from shapes alone (cached per shape and order, so no device readback).
import { record } from '../autograd.ts'
import { gather } from '../kernels/gather.ts'
import { contiguousStrides, sizeOf } from '../kernels/strides.ts'
import { fmtShape, Tensor } from '../tensor.ts'
import { launch } from './dispatch.ts'

/** a view with another shape of the same size; one −1 entry is inferred */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const known = sizeOf(shape.filter((d) => d !== -1))
  const free = shape.filter((d) => d === -1).length
  const target = shape.map((d) => (d === -1 ? x.size / known : d))
  if (free > 1 || !Number.isInteger(sizeOf(target)) || sizeOf(target) !== x.size || target.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new Error(`reshape: ${fmtShape(x.shape)} (${x.size} values) cannot become ${fmtShape(shape)}`)
  }
  return record('reshape', x.view(target), [x], (g) => [g.view(x.shape)])
}

/** [N, ...] → [N, product of the rest] */
export function flatten(x: Tensor): Tensor {
  if (x.ndim < 1) throw new Error('flatten: needs a batch axis, got a scalar')
  return reshape(x, [x.shape[0], sizeOf(x.shape.slice(1))])
}

const tables = new Map<string, Tensor>()

/** int32 table: flat index in x of each element of x permuted by `perm` */
function permuteTable(x: Tensor, perm: number[]): Tensor {
  const shape = x.shape
  const key = `${x.backend.name}|${shape.join(',')}|${perm.join(',')}`
  let t = tables.get(key)
  if (!t) {
    const strides = contiguousStrides(shape)
    const outShape = perm.map((p) => shape[p])
    const idx = new Int32Array(sizeOf(shape))
    const at = new Array<number>(outShape.length).fill(0)
    for (let i = 0; i < idx.length; i++) {
      let off = 0
      for (let d = 0; d < at.length; d++) off += at[d] * strides[perm[d]]
      idx[i] = off
      for (let d = at.length - 1; d >= 0 && ++at[d] === outShape[d]; d--) at[d] = 0
    }
    t = Tensor.fromInt(idx, [idx.length], x.backend)
    if (tables.size > 256) tables.clear()
    tables.set(key, t)
  }
  return t
}

export function permute(x: Tensor, perm: number[]): Tensor {
  const ok = perm.length === x.ndim && [...perm].sort((a, b) => a - b).every((p, i) => p === i)
  if (!ok) throw new Error(`permute: order [${perm.join(',')}] is not a permutation of the axes of ${fmtShape(x.shape)}`)
  const y = launch(gather, [x, permuteTable(x, perm)], perm.map((p) => x.shape[p]), { block: 1 })
  const inverse = perm.map((_, i) => perm.indexOf(i))
  return record('permute', y, [x], (g) => [permute(g, inverse)])
}
