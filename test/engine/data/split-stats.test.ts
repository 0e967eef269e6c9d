// The seeded, stratified train/validation split, per-channel mean/std (against a float64 two-pass
// computation, on values far from zero) and per-class counts, and per-channel normalisation.
import { describe, expect, it } from 'vitest'
import { ArrayDataset } from '../../../engine/data/dataset.ts'
import { NormalizedDataset } from '../../../engine/data/normalize.ts'
import { channelStats, classCounts } from '../../../engine/data/stats.ts'
import { splitValidation } from '../../../engine/data/subset.ts'
import { readAll } from './fixture-files.ts'

// 103 scalar samples [1, 1] holding their own index; class i % 4 except the first 20, all class 3
function indexed(): ArrayDataset {
  const labels = Int32Array.from({ length: 103 }, (_, i) => (i < 20 ? 3 : i % 4))
  return new ArrayDataset('indexed', [1, 1], ['a', 'b', 'c', 'd'], Float32Array.from(labels, (_, i) => i), labels)
}

describe('splitValidation', () => {
  it('takes the fraction from every class, disjoint from train, together all samples', () => {
    const ds = indexed()
    const { train, validation } = splitValidation(ds, 0.2, 7)
    const t = readAll(train).x, v = readAll(validation).x
    expect([...t, ...v].sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i))
    const counts = classCounts(ds)
    expect(classCounts(validation)).toEqual(counts.map((n) => Math.round(n * 0.2)))
    expect(readAll(train).labels).toEqual(t.map((i) => ds.label(i)))
    expect(train.name).toBe('indexed (train)')
  })

  it('depends on the seed only', () => {
    const pick = (seed: number) => readAll(splitValidation(indexed(), 0.3, seed).validation).x
    expect(pick(1)).toEqual(pick(1))
    expect(pick(1)).not.toEqual(pick(2))
  })

  it('refuses a fraction outside [0, 1)', () => {
    expect(() => splitValidation(indexed(), 1, 0)).toThrow('validation fraction must be in [0, 1), got 1')
  })
})

describe('channelStats and normalisation', () => {
  // 2 channels × 3 values per sample: channel 0 near 1000 (ill-conditioned for a naive sum of squares), channel 1 small
  const n = 50
  const x = new Float32Array(n * 6)
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) {
    x[i * 6 + k] = 1000 + Math.sin(i * 3 + k) * 0.01
    x[i * 6 + 3 + k] = Math.cos(i + k * 7)
  }
  const ds = new ArrayDataset('two channels', [2, 3], ['only'], x, new Int32Array(n))

  function reference(channel: number) {
    const v: number[] = []
    for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) v.push(x[i * 6 + channel * 3 + k])
    const mean = v.reduce((a, b) => a + b, 0) / v.length
    return { mean, std: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) }
  }

  it('computes per-channel mean and population std like a float64 two-pass sum', () => {
    const { mean, std } = channelStats(ds)
    for (const c of [0, 1]) {
      const ref = reference(c)
      expect(mean[c]).toBeCloseTo(ref.mean, 9)
      expect(std[c] / ref.std).toBeCloseTo(1, 6)
    }
  })

  it('normalises each channel to zero mean and unit std with those numbers, and only centres a constant channel', () => {
    const { mean, std } = channelStats(ds)
    const normalized = new NormalizedDataset(ds, mean, std)
    const after = channelStats(normalized)
    after.mean.forEach((m) => expect(m).toBeCloseTo(0, 3))
    after.std.forEach((s) => expect(s).toBeCloseTo(1, 3))
    const constant = new NormalizedDataset(ds, [1000, 0], [0, 1])
    expect(readAll(constant).x[0]).toBeCloseTo(x[0] - 1000, 3)
    expect(() => new NormalizedDataset(ds, [0], [1])).toThrow('two channels: normalisation has 1 means and 1 stds for 2 channels')
  })
})
