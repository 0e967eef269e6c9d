// Mini-batches from a Dataset for the train and evaluation loops: samples copied into one
// Float32Array [count, ...inputShape] plus their Int32Array labels. The order is a permutation
// drawn from (seed, epoch), so every epoch differs and a resumed run replays the same batches.

import { AugmentedDataset, type Augmentation } from './augment.ts'
import type { Dataset } from './dataset.ts'
import { NormalizedDataset } from './normalize.ts'
import { hashSeed, mulberry32, shuffle } from './random.ts'

export interface BatchOptions {
  batchSize: number
  /** draw a new order each epoch (training); false reads in index order (evaluation) */
  shuffle?: boolean
  seed?: number
  epoch?: number
  /** on-the-fly augmentation, drawn from (seed, epoch, sample index) */
  augment?: Augmentation
  /** per-channel standardisation applied after augmentation */
  normalize?: { mean: readonly number[]; std: readonly number[] }
}

export interface Batch {
  /** [count, ...inputShape], channels first; a fresh array per batch (safe to keep) */
  x: Float32Array
  labels: Int32Array
  /** samples in this batch: batchSize, or fewer for the last one */
  count: number
}

/** the sample order of one epoch */
export function epochOrder(length: number, shuffled: boolean, seed: number, epoch: number): Int32Array {
  const order = new Int32Array(length)
  for (let i = 0; i < length; i++) order[i] = i
  return shuffled ? shuffle(order, mulberry32(hashSeed(seed, epoch))) : order
}

export function* batches(dataset: Dataset, options: BatchOptions): Generator<Batch> {
  const { batchSize, seed = 0, epoch = 0 } = options
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new Error(`batch size must be a positive integer, got ${batchSize}`)
  let ds: Dataset = dataset
  if (options.augment) {
    const augmented = new AugmentedDataset(ds, options.augment, seed)
    augmented.setEpoch(epoch)
    ds = augmented
  }
  if (options.normalize) ds = new NormalizedDataset(ds, options.normalize.mean, options.normalize.std)
  const size = ds.inputShape.reduce((a, b) => a * b, 1)
  const order = epochOrder(ds.length, options.shuffle ?? false, seed, epoch)
  for (let start = 0; start < order.length; start += batchSize) {
    const count = Math.min(batchSize, order.length - start)
    const x = new Float32Array(count * size)
    const labels = new Int32Array(count)
    for (let k = 0; k < count; k++) {
      const i = order[start + k]
      ds.read(i, x, k * size)
      labels[k] = ds.label(i)
    }
    yield { x, labels, count }
  }
}
