// Streaming statistics of a dataset: per-channel mean and standard deviation (one pass, float64
// accumulators, one sample in memory at a time) and per-class sample counts.

import type { Dataset } from './dataset.ts'
import type { ImportProgress } from './format.ts'

export interface ChannelStats {
  readonly mean: number[]
  readonly std: number[]
}

/** per-channel mean and population std over every value of every sample (channel = first axis); progress as a decode phase */
export function channelStats(ds: Dataset, onProgress?: (p: ImportProgress) => void): ChannelStats {
  const channels = ds.inputShape[0]
  const size = ds.inputShape.reduce((a, b) => a * b, 1)
  const perChannel = size / channels
  const buf = new Float32Array(size)
  const sum = new Float64Array(channels)
  const sq = new Float64Array(channels)
  // shifting by the first sample's channel means keeps the sum of squares well conditioned
  const shift = new Float64Array(channels)
  for (let i = 0; i < ds.length; i++) {
    ds.read(i, buf, 0)
    for (let c = 0; c < channels; c++) {
      const lo = c * perChannel
      if (i === 0) { let s = 0; for (let k = 0; k < perChannel; k++) s += buf[lo + k]; shift[c] = s / perChannel }
      let s = 0, q = 0
      const m = shift[c]
      for (let k = 0; k < perChannel; k++) { const d = buf[lo + k] - m; s += d; q += d * d }
      sum[c] += s; sq[c] += q
    }
    if (onProgress && (i % 4096 === 4095 || i === ds.length - 1)) onProgress({ phase: 'decode', done: i + 1, total: ds.length, unit: 'files' })
  }
  const n = ds.length * perChannel
  const mean: number[] = [], std: number[] = []
  for (let c = 0; c < channels; c++) {
    const d = n ? sum[c] / n : 0
    mean.push(n ? shift[c] + d : 0)
    std.push(n ? Math.sqrt(Math.max(0, sq[c] / n - d * d)) : 0)
  }
  return { mean, std }
}

/** number of samples per class index */
export function classCounts(ds: Dataset): number[] {
  const counts = ds.classes.map(() => 0)
  for (let i = 0; i < ds.length; i++) counts[ds.label(i)]++
  return counts
}
