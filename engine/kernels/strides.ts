// Shape and stride arithmetic shared by kernels that walk a tensor through another's index space:
// broadcasting binaries (stride 0 on a broadcast axis) and reductions (stride 0 on a reduced axis).

import { size as sizeOf } from '../graph/op-def.ts'

// one element count for the whole engine: engine/graph's (pure, so the renderer has it too), under the kernels' name
export { sizeOf }

/** row-major strides of a contiguous tensor */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length)
  for (let d = shape.length - 1, acc = 1; d >= 0; d--) { s[d] = acc; acc *= shape[d] }
  return s
}

/** numpy broadcasting of two shapes, or null when they do not broadcast */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length)
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1, y = b[b.length - n + i] ?? 1
    if (x !== y && x !== 1 && y !== 1) return null
    out[i] = x === 1 ? y : x
  }
  return out
}

/** strides to read `shape` while walking `outShape` (right-aligned; 0 where `shape` has size 1) */
export function stridesIn(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = contiguousStrides(shape)
  const off = outShape.length - shape.length
  return outShape.map((_, d) => (d < off || shape[d - off] === 1 ? 0 : own[d - off]))
}

/** merges adjacent axes that every operand steps through contiguously (and drops size-1 axes), for longer inner runs */
export function coalesce(shape: readonly number[], strides: number[][]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [], outStrides: number[][] = strides.map(() => [])
  shape.forEach((size, d) => {
    if (size === 1) return
    const last = outShape.length - 1
    if (last >= 0 && strides.every((s, k) => outStrides[k][last] === s[d] * size)) {
      outShape[last] *= size
      strides.forEach((s, k) => { outStrides[k][last] = s[d] })
    } else {
      outShape.push(size)
      strides.forEach((s, k) => outStrides[k].push(s[d]))
    }
  })
  return { shape: outShape, strides: outStrides }
}

/**
 * Walks `shape` row-major in runs along the (coalesced) last axis: visit(o, offsets, n, steps) for each run of
 * n elements starting at flat index o, where operand k's run starts at offsets[k] and steps by steps[k].
 * Every operand's strides are given in the walked index space (0 on broadcast or reduced axes).
 */
export function walkRuns(
  walked: readonly number[], operandStrides: number[][],
  visit: (o: number, offsets: number[], n: number, steps: number[]) => void,
): void {
  const { shape, strides } = coalesce(walked, operandStrides)
  const nd = shape.length
  const offsets = strides.map(() => 0)
  if (nd === 0) { visit(0, offsets, sizeOf(walked), strides.map(() => 0)); return }
  const inner = shape[nd - 1], total = sizeOf(shape)
  const steps = strides.map((s) => s[nd - 1])
  const idx = new Array<number>(nd).fill(0)
  for (let o = 0; o < total; o += inner) {
    visit(o, offsets, inner, steps)
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++
      for (let k = 0; k < strides.length; k++) offsets[k] += strides[k][d]
      if (idx[d] < shape[d]) break
      for (let k = 0; k < strides.length; k++) offsets[k] -= strides[k][d] * shape[d]
      idx[d] = 0
    }
  }
}
