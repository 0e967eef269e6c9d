// Per-channel normalisation as a Dataset wrapper: x' = (x − mean[c]) / std[c].
// The mean and std come from the training split (stats.ts) and are stored in the dataset spec,
// so training, validation, test and later inference all use the same numbers.

import type { Dataset } from './dataset.ts'

export class NormalizedDataset implements Dataset {
  readonly name: string
  readonly inputShape: readonly number[]
  readonly classes: readonly string[]
  readonly length: number
  private readonly perChannel: number
  private readonly scale: Float64Array

  constructor(private readonly base: Dataset, readonly mean: readonly number[], readonly std: readonly number[]) {
    this.name = base.name
    this.inputShape = base.inputShape
    this.classes = base.classes
    this.length = base.length
    const channels = base.inputShape[0]
    if (mean.length !== channels || std.length !== channels) {
      throw new Error(`${base.name}: normalisation has ${mean.length} means and ${std.length} stds for ${channels} channels`)
    }
    this.perChannel = base.inputShape.reduce((a, b) => a * b, 1) / channels
    // a constant channel (std 0) is only centred, not blown up
    this.scale = Float64Array.from(std, (s) => (s > 0 ? 1 / s : 1))
  }

  label(i: number): number { return this.base.label(i) }

  read(i: number, out: Float32Array, offset: number): void {
    this.base.read(i, out, offset)
    const n = this.perChannel
    for (let c = 0; c < this.mean.length; c++) {
      const m = this.mean[c], s = this.scale[c]
      const lo = offset + c * n
      for (let k = 0; k < n; k++) out[lo + k] = (out[lo + k] - m) * s
    }
  }
}
