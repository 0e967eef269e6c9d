// Initialiser statistics: mean, standard deviation, bounds and tail shape of He and Glorot draws, and seeding.
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../engine/data/random.ts'
import { INITIALIZERS, initStd, initValues } from '../../../engine/layers/init.ts'

const N = 200_000

function moments(v: Float32Array) {
  let mean = 0
  for (const x of v) mean += x
  mean /= v.length
  let m2 = 0
  let m4 = 0
  let max = 0
  for (const x of v) { const d = (x - mean) ** 2; m2 += d; m4 += d * d; max = Math.max(max, Math.abs(x)) }
  m2 /= v.length
  m4 /= v.length
  return { mean, std: Math.sqrt(m2), kurtosis: m4 / (m2 * m2), max }
}

describe('initialisers', () => {
  it('target std: He √(2/fanIn), Glorot √(2/(fanIn+fanOut))', () => {
    expect(initStd('he-normal', 50, 7)).toBeCloseTo(0.2, 12)
    expect(initStd('he-uniform', 8, 1)).toBeCloseTo(0.5, 12)
    expect(initStd('glorot-normal', 30, 20)).toBeCloseTo(0.2, 12)
    expect(initStd('glorot-uniform', 1, 1)).toBeCloseTo(1, 12)
  })

  for (const kind of INITIALIZERS) {
    it(`${kind}: zero mean and the target std over ${N} draws`, () => {
      const [fanIn, fanOut] = [150, 60]
      const std = initStd(kind, fanIn, fanOut)
      const m = moments(initValues(kind, N, fanIn, fanOut, mulberry32(7)))
      // standard error of the mean is std/√N ≈ 0.0022·std; of the std about half that
      expect(Math.abs(m.mean)).toBeLessThan(0.01 * std)
      expect(Math.abs(m.std / std - 1)).toBeLessThan(0.01)
      if (kind.endsWith('uniform')) {
        // U(-a, a): bounded by a = std·√3, kurtosis 1.8
        expect(m.max).toBeLessThanOrEqual(std * Math.sqrt(3))
        expect(m.max).toBeGreaterThan(0.999 * std * Math.sqrt(3))
        expect(m.kurtosis).toBeCloseTo(1.8, 1)
      } else {
        // Gaussian: kurtosis 3, tails beyond 4σ exist but are rare
        expect(m.kurtosis).toBeGreaterThan(2.9)
        expect(m.kurtosis).toBeLessThan(3.1)
        expect(m.max).toBeGreaterThan(3.5 * std)
      }
    })
  }

  it('the same seed gives the same values; another seed other values; odd sizes are filled', () => {
    const a = initValues('he-normal', 101, 9, 9, mulberry32(1))
    expect(initValues('he-normal', 101, 9, 9, mulberry32(1))).toEqual(a)
    expect(initValues('he-normal', 101, 9, 9, mulberry32(2))).not.toEqual(a)
    expect(a[100]).not.toBe(0)
  })
})
