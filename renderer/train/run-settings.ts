// The run panel's settings: their defaults (so "Train" on LeNet-5 with the built-in digits just works),
// what is wrong with them, and the runs.start request they become. Main checks everything again; this
// only lets the panel say what is wrong next to the field before anything is sent.

import type { BuiltinDataset, RunStart, SavedDataset } from '../../preload/contract.ts'

export type OptimizerKind = 'sgd' | 'adam' | 'adamw'
export type ScheduleKind = 'constant' | 'step' | 'cosine'
export type BackendChoice = 'auto' | 'cpu' | 'webgpu'

/** the dataset setting's value for a dataset saved in the project (built-ins go by their id) */
export const savedKey = (id: number) => `saved:${id}`

interface DatasetSpecLike {
  split?: { validation?: number }
  augmentation?: { crop?: { padding: number }; translate?: { max: number }; flip?: { p: number }; noise?: { std: number } }
}

export interface RunSettings {
  name: string
  /** a built-in's id, or savedKey(id) */
  dataset: string
  epochs: number
  batchSize: number
  optimizer: OptimizerKind
  lr: number
  /** sgd only */
  momentum: number
  weightDecay: number
  schedule: ScheduleKind
  /** step schedule: multiply by gamma every `every` steps */
  every: number
  gamma: number
  /** cosine schedule: steps from the base rate down to zero */
  decaySteps: number
  warmup: number
  /** 0 turns an augmentation off */
  crop: number
  translate: number
  flip: number
  noise: number
  validation: number
  backend: BackendChoice
  seed: number
}

export function defaultSettings(runCount: number, datasets: BuiltinDataset[]): RunSettings {
  const usable = datasets.filter((d) => d.available)
  return {
    name: `Run ${runCount + 1}`,
    dataset: usable.find((d) => d.id === 'digits')?.id ?? usable[0]?.id ?? 'digits',
    epochs: 3, batchSize: 32, optimizer: 'adam', lr: 0.001, momentum: 0.9, weightDecay: 0,
    schedule: 'constant', every: 500, gamma: 0.5, decaySteps: 1000, warmup: 0,
    crop: 0, translate: 0, flip: 0, noise: 0, validation: 0.1, backend: 'auto', seed: 1,
  }
}

const whole = (v: number, min: number) => Number.isInteger(v) && v >= min

/** what is wrong with each setting, by field; empty when the run can start */
export function settingErrors(s: RunSettings): Partial<Record<keyof RunSettings, string>> {
  const e: Partial<Record<keyof RunSettings, string>> = {}
  if (!s.name.trim()) e.name = 'give the run a name'
  if (!whole(s.epochs, 1)) e.epochs = 'a whole number ≥ 1'
  if (!whole(s.batchSize, 1) || s.batchSize > 65536) e.batchSize = 'a whole number from 1 to 65,536'
  if (!(s.lr > 0 && s.lr <= 10)) e.lr = 'a rate above 0 (at most 10)'
  if (!(s.momentum >= 0 && s.momentum <= 1)) e.momentum = 'from 0 to 1'
  if (!(s.weightDecay >= 0 && s.weightDecay <= 1)) e.weightDecay = 'from 0 to 1'
  if (s.schedule === 'step' && !whole(s.every, 1)) e.every = 'a whole number of steps ≥ 1'
  if (s.schedule === 'step' && !(s.gamma > 0 && s.gamma <= 1)) e.gamma = 'above 0, at most 1'
  if (s.schedule === 'cosine' && !whole(s.decaySteps, 1)) e.decaySteps = 'a whole number of steps ≥ 1'
  if (!whole(s.warmup, 0)) e.warmup = 'a whole number of steps'
  if (!whole(s.crop, 0) || s.crop > 64) e.crop = 'pixels, 0 to 64'
  if (!whole(s.translate, 0) || s.translate > 64) e.translate = 'pixels, 0 to 64'
  if (!(s.flip >= 0 && s.flip <= 1)) e.flip = 'a probability, 0 to 1'
  if (!(s.noise >= 0 && s.noise <= 10)) e.noise = 'a standard deviation, 0 to 10'
  if (!(s.validation >= 0 && s.validation <= 0.9)) e.validation = 'a fraction, 0 to 0.9'
  if (!whole(s.seed, 0) || s.seed > 2 ** 31 - 1) e.seed = 'a whole number ≥ 0'
  return e
}

/** picking a saved dataset brings its validation split and augmentation into the settings */
export function withDataset(s: RunSettings, dataset: string, saved: SavedDataset[]): RunSettings {
  const spec = saved.find((d) => savedKey(d.id) === dataset)?.spec as DatasetSpecLike | undefined
  if (!spec) return { ...s, dataset }
  const a = spec.augmentation ?? {}
  return { ...s, dataset, validation: spec.split?.validation ?? s.validation,
    crop: a.crop?.padding ?? 0, translate: a.translate?.max ?? 0, flip: a.flip?.p ?? 0, noise: a.noise?.std ?? 0 }
}

/** the runs.start request for valid settings; a saved dataset keeps its own source, options and normalisation */
export function startRequest(s: RunSettings, saved: SavedDataset[] = []): RunStart {
  const optimizer = s.optimizer === 'sgd'
    ? { kind: 'sgd', lr: s.lr, momentum: s.momentum, weightDecay: s.weightDecay }
    : { kind: s.optimizer, lr: s.lr, weightDecay: s.weightDecay }
  const warmup = s.warmup > 0 ? { warmup: s.warmup } : {}
  const schedule = s.schedule === 'step' ? { kind: 'step', every: s.every, gamma: s.gamma, ...warmup }
    : s.schedule === 'cosine' ? { kind: 'cosine', steps: s.decaySteps, ...warmup }
    : { kind: 'constant', ...warmup }
  const augmentation = {
    ...(s.crop > 0 ? { crop: { padding: s.crop } } : {}),
    ...(s.translate > 0 ? { translate: { max: s.translate } } : {}),
    ...(s.flip > 0 ? { flip: { p: s.flip } } : {}),
    ...(s.noise > 0 ? { noise: { std: s.noise } } : {}),
  }
  const base = saved.find((d) => savedKey(d.id) === s.dataset)?.spec as Record<string, unknown> | undefined
  return {
    name: s.name.trim(),
    hyper: { epochs: s.epochs, batchSize: s.batchSize, optimizer, schedule },
    dataset: {
      ...(base ?? { format: 'receptive.dataset/1', source: { kind: 'builtin', id: s.dataset } }),
      split: { seed: 0, ...(base?.split as object | undefined), validation: s.validation }, augmentation, augmentationSeed: s.seed,
    },
    backend: s.backend,
    seed: s.seed,
  }
}
