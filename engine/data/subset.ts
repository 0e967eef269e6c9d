// Index views over a dataset, and the seeded train/validation split built from them.
// The split is stratified (each class keeps its proportion) and depends only on the seed,
// so a stored dataset spec always reproduces the same validation set.

import type { Dataset } from './dataset.ts'
import { mulberry32, shuffle } from './random.ts'

/** the samples of `base` at `indices`, in that order; no sample is copied */
export class SubsetDataset implements Dataset {
  readonly inputShape: readonly number[]
  readonly classes: readonly string[]
  readonly length: number

  constructor(readonly name: string, private readonly base: Dataset, readonly indices: Int32Array) {
    this.inputShape = base.inputShape
    this.classes = base.classes
    this.length = indices.length
  }

  label(i: number): number { return this.base.label(this.indices[i]) }
  read(i: number, out: Float32Array, offset: number): void { this.base.read(this.indices[i], out, offset) }
}

/** splits off `fraction` of every class as validation, chosen by `seed`; order within each part is by index */
export function splitValidation(ds: Dataset, fraction: number, seed: number): { train: Dataset; validation: Dataset } {
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`validation fraction must be in [0, 1), got ${fraction}`)
  const byClass: number[][] = ds.classes.map(() => [])
  for (let i = 0; i < ds.length; i++) byClass[ds.label(i)].push(i)
  const rng = mulberry32(seed)
  const train: number[] = []
  const validation: number[] = []
  for (const members of byClass) {
    const order = shuffle(Int32Array.from(members), rng)
    const v = Math.round(order.length * fraction)
    for (let k = 0; k < order.length; k++) (k < v ? validation : train).push(order[k])
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort()
  return {
    train: new SubsetDataset(`${ds.name} (train)`, ds, sorted(train)),
    validation: new SubsetDataset(`${ds.name} (validation)`, ds, sorted(validation)),
  }
}
