import { describe, expect, it } from 'vitest'
import { decimate } from '../../../renderer/train/chart/decimate.ts'
import { extent, formatNumber, linearTicks, logTicks, padRange, scaler } from '../../../renderer/train/chart/scale.ts'
import { smooth } from '../../../renderer/train/chart/smooth.ts'

describe('chart scales', () => {
  it('finds the finite range, positive only on a log axis', () => {
    expect(extent([3, NaN, -1, Infinity, 2])).toEqual({ min: -1, max: 3 })
    expect(extent([0, -2, 0.5, 4], true)).toEqual({ min: 0.5, max: 4 })
    expect(extent([NaN])).toBeNull()
    expect(padRange({ min: 2, max: 2 }, false)).toEqual({ min: 1.5, max: 2.5 })
    expect(padRange({ min: 2, max: 2 }, true)).toEqual({ min: 1, max: 4 })
  })

  it('puts ticks on round values inside the range', () => {
    expect(linearTicks({ min: 0, max: 1 }, 4)).toEqual([0, 0.5, 1])
    expect(linearTicks({ min: 0.1, max: 0.7 }, 4)).toEqual([0.2, 0.4, 0.6])
    expect(linearTicks({ min: 3, max: 227 }, 5)).toEqual([50, 100, 150, 200])
    expect(logTicks({ min: 0.02, max: 30 })).toEqual([0.1, 1, 10])
    expect(logTicks({ min: 2, max: 5 })).toEqual([2, 5])
  })

  it('maps values to pixels, through log10 on a log axis', () => {
    const lin = scaler({ min: 0, max: 10 }, 100, 0)
    expect([lin(0), lin(5), lin(10)]).toEqual([100, 50, 0])
    const log = scaler({ min: 1, max: 100 }, 0, 200, true)
    expect([log(1), log(10), log(100)]).toEqual([0, 100, 200])
  })

  it('labels numbers briefly', () => {
    expect([0, 0.25, 1234, 25000, 0.0003, 2.3456].map(formatNumber)).toEqual(['0', '0.25', '1234', '25k', '3e-4', '2.35'])
  })
})

describe('smoothing', () => {
  it('is the debiased exponential moving average, skipping non-numbers', () => {
    const w = 0.5
    const out = smooth([2, NaN, 4, 4], w)
    // by hand: m1 = 1 → 1/(1-.5) = 2; m2 = .5 + 2 = 2.5 → 2.5/(1-.25) = 3.333…; m3 = 1.25 + 2 = 3.25 → 3.25/.875
    expect(out[0]).toBeCloseTo(2, 12)
    expect(out[1]).toBeNaN()
    expect(out[2]).toBeCloseTo(2.5 / 0.75, 12)
    expect(out[3]).toBeCloseTo(3.25 / 0.875, 12)
    expect([...smooth([1, 5, 3], 0)]).toEqual([1, 5, 3])
  })

  it('keeps a constant curve constant from its first point', () => {
    for (const v of smooth([7, 7, 7, 7, 7], 0.9)) expect(v).toBeCloseTo(7, 12)
  })
})

describe('decimation', () => {
  it('keeps the first, lowest, highest and last point of each pixel column, in order', () => {
    const xs = [0, 0.1, 0.2, 0.3, 1, 1.1]
    const ys = [5, 9, 1, 4, 2, NaN]
    expect(decimate(xs, ys, (x) => x)).toEqual([0, 1, 2, 3, 4])
    expect(decimate(xs, [1, 2, 3, 4, 5, 6], (x) => x * 100)).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('bounds a long curve to a few points per column and keeps its extremes', () => {
    const n = 100_000
    const xs = Float64Array.from({ length: n }, (_, i) => i)
    const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 50) + (i === 54_321 ? 10 : 0))
    const kept = decimate(xs, ys, (x) => (x / n) * 500)
    expect(kept.length).toBeLessThanOrEqual(501 * 4)
    expect(kept).toContain(54_321)
    expect(kept).toEqual([...kept].sort((a, b) => a - b))
  })
})
