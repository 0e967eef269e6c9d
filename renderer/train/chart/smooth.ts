// Curve smoothing as TensorBoard does it: an exponential moving average with its start-up bias removed,
// so the first points are not dragged towards zero. Points that are not numbers stay NaN and are skipped.

/** smoothed copy of `values`; weight 0 returns them unchanged, 0.99 smooths heavily */
export function smooth(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length)
  let last = 0
  let n = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v)) {
      out[i] = NaN
      continue
    }
    last = last * weight + (1 - weight) * v
    n++
    out[i] = weight === 0 ? v : last / (1 - weight ** n)
  }
  return out
}
