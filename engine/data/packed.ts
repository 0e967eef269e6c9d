// PackedDataset: a Dataset over one flat typed array of stored samples plus an Int32 label array.
// Samples stay in their stored type (8-bit images stay bytes: 4× less memory than float32) and are
// scaled and, for channels-last arrays, transposed to channels-first only when read.

import type { Dataset } from './dataset.ts'
import type { SampleArray } from './dtype.ts'

/** how samples are stored: value = stored × scale; channelsLast means [...spatial, C] per sample */
export interface PackedStorage {
  readonly data: SampleArray
  readonly scale: number
  readonly channelsLast: boolean
}

export class PackedDataset implements Dataset {
  readonly length: number
  readonly sampleSize: number

  constructor(
    readonly name: string,
    readonly inputShape: readonly number[],
    readonly classes: readonly string[],
    readonly storage: PackedStorage,
    readonly labels: Int32Array,
  ) {
    this.sampleSize = inputShape.reduce((a, b) => a * b, 1)
    this.length = labels.length
    if (storage.data.length !== this.length * this.sampleSize) {
      throw new Error(`${name}: ${storage.data.length} values do not make ${this.length} samples of shape [${inputShape.join(', ')}]`)
    }
  }

  label(i: number): number { return this.labels[i] }

  read(i: number, out: Float32Array, offset: number): void {
    const { data, scale, channelsLast } = this.storage
    const n = this.sampleSize
    const base = i * n
    if (!channelsLast) {
      for (let k = 0; k < n; k++) out[offset + k] = data[base + k] * scale
      return
    }
    const c = this.inputShape[0]
    const spatial = n / c
    for (let s = 0; s < spatial; s++) {
      for (let ch = 0; ch < c; ch++) out[offset + ch * spatial + s] = data[base + s * c + ch] * scale
    }
  }
}
