// The one interface between data and training: a random-access set of labelled samples.
// Readers (IDX, CIFAR, image folders, NumPy, WAV, synthetic) implement it; the train loop batches from it.
// Samples are channels-first float32 ([C, ...spatial]); normalisation is applied by whoever builds the set.

export interface Dataset {
  /** human-readable name, e.g. "Fashion-MNIST (train)" */
  readonly name: string
  /** shape of one sample without the batch axis, channels first */
  readonly inputShape: readonly number[]
  /** class names; labels index into this list */
  readonly classes: readonly string[]
  readonly length: number
  /** class index of sample i */
  label(i: number): number
  /** writes sample i as float32 into out, starting at offset (prod(inputShape) values) */
  read(i: number, out: Float32Array, offset: number): void
}

/** a dataset held in memory as one flat array of samples */
export class ArrayDataset implements Dataset {
  readonly length: number
  private readonly sampleSize: number

  constructor(
    readonly name: string,
    readonly inputShape: readonly number[],
    readonly classes: readonly string[],
    private readonly samples: Float32Array,
    private readonly labels: Int32Array | Uint8Array,
  ) {
    this.sampleSize = inputShape.reduce((a, b) => a * b, 1)
    this.length = labels.length
    if (samples.length !== this.length * this.sampleSize) {
      throw new Error(`${name}: ${samples.length} values do not make ${this.length} samples of shape [${inputShape.join(', ')}]`)
    }
  }

  label(i: number): number { return this.labels[i] }

  read(i: number, out: Float32Array, offset: number): void {
    out.set(this.samples.subarray(i * this.sampleSize, (i + 1) * this.sampleSize), offset)
  }
}
