// The common frame of the synthetic datasets: balanced classes, one seeded draw per sample,
// a train and a test split from different seeds, stored as float32.

import { PackedDataset } from '../packed.ts'
import { hashSeed, mulberry32, type Rng } from '../random.ts'

export interface SyntheticOptions {
  /** training samples (test: a fifth of it); default per dataset */
  count?: number
  seed?: number
}

/** draws sample `out` of class `cls` */
export type Draw = (rng: Rng, cls: number, out: Float32Array) => void

export function generate(name: string, inputShape: number[], classes: string[], count: number, seed: number, draw: Draw): PackedDataset {
  const size = inputShape.reduce((a, b) => a * b, 1)
  const data = new Float32Array(count * size)
  const labels = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes.length
    draw(mulberry32(hashSeed(seed, i)), labels[i], data.subarray(i * size, (i + 1) * size))
  }
  return new PackedDataset(name, inputShape, classes, { data, scale: 1, channelsLast: false }, labels)
}

/** train and test splits of a synthetic set */
export function syntheticSplits(name: string, inputShape: number[], classes: string[], options: SyntheticOptions, defaultCount: number, draw: Draw) {
  const count = options.count ?? defaultCount
  const seed = options.seed ?? 0
  return {
    train: generate(`${name} (train)`, inputShape, classes, count, hashSeed(seed, 0), draw),
    test: generate(`${name} (test)`, inputShape, classes, Math.max(classes.length, Math.round(count / 5)), hashSeed(seed, 1), draw),
  }
}
