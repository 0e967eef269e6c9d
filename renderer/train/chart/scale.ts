// Axis arithmetic for the curve charts: data ranges (linear or log), "nice" tick values, and the
// mapping from data to pixels. Pure functions, so the chart's geometry is tested without a canvas.

export interface Range { min: number; max: number }

/** the finite range of some values (positive ones only on a log axis); null when there are none */
export function extent(values: ArrayLike<number>, log = false): Range | null {
  let min = Infinity, max = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v) || (log && v <= 0)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  return min <= max ? { min, max } : null
}

/** widens a range of one value so that it has a height to draw */
export function padRange(r: Range, log: boolean): Range {
  if (r.max > r.min) return r
  return log ? { min: r.min / 2, max: r.max * 2 } : { min: r.min - 0.5, max: r.max + 0.5 }
}

/** about `count` round tick values (1, 2 or 5 × 10^k apart) covering a linear range */
export function linearTicks({ min, max }: Range, count = 5): number[] {
  const raw = (max - min) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  const ticks: number[] = []
  // rounding to the step's decimals keeps 0.30000000000000004 out of the labels
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toFixed(decimals)))
  return ticks
}

/** powers of ten within a positive range (at least its two ends when it spans less than a decade) */
export function logTicks({ min, max }: Range): number[] {
  const ticks: number[] = []
  for (let k = Math.ceil(Math.log10(min)); k <= Math.floor(Math.log10(max)); k++) ticks.push(10 ** k)
  return ticks.length >= 2 ? ticks : [min, max]
}

/** maps data values to pixels: [min, max] → [from, to], through log10 on a log axis */
export function scaler({ min, max }: Range, from: number, to: number, log = false): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v
  const a = f(min), b = f(max)
  const k = b === a ? 0 : (to - from) / (b - a)
  return (v) => from + (f(v) - a) * k
}

/** a short label for a tick or a reading: 0.25, 1.2k, 3e-4 */
export function formatNumber(v: number): string {
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a >= 1e4) return `${Number((v / 1000).toPrecision(3))}k`
  if (a < 1e-3) return v.toExponential(0)
  if (Number.isInteger(v)) return String(v)
  return String(Number(v.toPrecision(3)))
}
