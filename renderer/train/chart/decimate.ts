// Keeps a long curve cheap to draw: points that fall in the same pixel column collapse to their first,
// lowest, highest and last values, which draws the same picture as all of them. xs must be sorted.

/** the indices to draw for `xs` mapped through `toPx`, at most about 4 per pixel column */
export function decimate(xs: ArrayLike<number>, ys: ArrayLike<number>, toPx: (x: number) => number): number[] {
  const keep: number[] = []
  let col = NaN
  let first = -1, lo = -1, hi = -1, last = -1
  const flush = () => {
    if (first < 0) return
    // in index order, so the line still runs left to right
    for (const i of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) keep.push(i)
  }
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]
    if (!Number.isFinite(y)) continue
    const c = Math.round(toPx(xs[i]))
    if (c !== col) {
      flush()
      col = c
      first = lo = hi = last = i
      continue
    }
    if (y < ys[lo]) lo = i
    if (y > ys[hi]) hi = i
    last = i
  }
  flush()
  return keep
}
