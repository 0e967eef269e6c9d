// Shape and stride arithmetic shared by kernels that walk a tensor through another's index space:
// broadcasting binaries (stride 0 on a broadcast axis) and reductions (stride 0 on a reduced axis).

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1)

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

/**
 * Calls visit(o, offsets) for each run of `inner` consecutive output elements starting at o, where
 * offsets[k] is where operand k's run starts; operand k steps by strides[k][last] within the run.
 */
export function walkRuns(outShape: readonly number[], strides: number[][], visit: (o: number, offsets: number[]) => void): void {
  const nd = outShape.length
  const offsets = strides.map(() => 0)
  if (nd === 0) { visit(0, offsets); return }
  const inner = outShape[nd - 1], total = sizeOf(outShape)
  const idx = new Array<number>(nd).fill(0)
  for (let o = 0; o < total; o += inner) {
    visit(o, offsets)
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++
      for (let k = 0; k < strides.length; k++) offsets[k] += strides[k][d]
      if (idx[d] < outShape[d]) break
      for (let k = 0; k < strides.length; k++) offsets[k] -= strides[k][d] * outShape[d]
      idx[d] = 0
    }
  }
}
