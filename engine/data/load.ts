// From a stored dataset spec to the datasets a training run uses: open the source (built-in or path,
// through the cache), check it still matches what the project recorded, split off validation with
// the spec's seed, compute mean/std on the training split when the spec has none, and wrap:
// train = normalise(augment(raw)); validation and test = normalise(raw).

import { openBuiltin } from './builtin/registry.ts'
import type { Dataset } from './dataset.ts'
import { AugmentedDataset } from './augment.ts'
import type { ImportContext, Imported } from './format.ts'
import { importDataset } from './import.ts'
import { NormalizedDataset } from './normalize.ts'
import type { DatasetSpec } from './spec.ts'
import { channelStats } from './stats.ts'
import { splitValidation } from './subset.ts'

export interface LoadedDataset {
  /** the spec with inputShape, classes and (for standardize) mean/std filled in: store it back */
  readonly spec: DatasetSpec
  readonly imported: Imported
  readonly train: Dataset
  readonly validation?: Dataset
  readonly test?: Dataset
  /** the train loop calls this at each epoch start (new augmentation draws) */
  setEpoch(epoch: number): void
}

export async function openSource(spec: DatasetSpec, ctx: ImportContext = {}): Promise<Imported> {
  const s = spec.source
  return s.kind === 'builtin' ? openBuiltin(s.id, { seed: s.seed, count: s.count }) : importDataset(s.path, spec.options, ctx, s.format)
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i])

export async function loadDataset(spec: DatasetSpec, ctx: ImportContext = {}): Promise<LoadedDataset> {
  const imported = await openSource(spec, ctx)
  const raw = imported.train
  const where = spec.source.kind === 'builtin' ? `built-in ${spec.source.id}` : spec.source.path
  if (spec.inputShape && !same(spec.inputShape, raw.inputShape)) {
    throw new Error(`${where}: samples are now [${raw.inputShape.join(', ')}], the project recorded [${spec.inputShape.join(', ')}]`)
  }
  if (spec.classes && !same(spec.classes, raw.classes)) {
    throw new Error(`${where}: classes are now ${raw.classes.join(', ')}; the project recorded ${spec.classes.join(', ')}`)
  }
  const { train, validation } = spec.split.validation > 0
    ? splitValidation(raw, spec.split.validation, spec.split.seed)
    : { train: raw, validation: undefined }
  let normalization = spec.normalization
  if (normalization.mode === 'standardize' && (!normalization.mean || !normalization.std)) {
    normalization = { mode: 'standardize', ...channelStats(train, ctx.onProgress) }
  }
  const norm = (d: Dataset) => (normalization.mode === 'standardize' ? new NormalizedDataset(d, normalization.mean!, normalization.std!) : d)
  const augmented = Object.keys(spec.augmentation).length ? new AugmentedDataset(train, spec.augmentation, spec.augmentationSeed) : undefined
  return {
    spec: { ...spec, inputShape: [...raw.inputShape], classes: [...raw.classes], normalization },
    imported,
    train: norm(augmented ?? train),
    validation: validation && norm(validation),
    test: imported.test && norm(imported.test),
    setEpoch: (epoch) => augmented?.setEpoch(epoch),
  }
}
