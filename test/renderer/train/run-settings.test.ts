import { describe, expect, it } from 'vitest'
import { jobSchema } from '../../../engine/host/job.ts'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import type { BuiltinDataset } from '../../../preload/contract.ts'
import { defaultSettings, savedKey, settingErrors, startRequest, withDataset } from '../../../renderer/train/run-settings.ts'

const builtin = (id: string, available = true): BuiltinDataset =>
  ({ id, name: id, description: '', inputShape: [1, 28, 28], classes: [], licence: '', available })

describe('run settings', () => {
  it('default to the built-in digits and a name after the runs so far', () => {
    const s = defaultSettings(2, [builtin('fashion-mnist', false), builtin('digits'), builtin('shapes')])
    expect(s).toMatchObject({ name: 'Run 3', dataset: 'digits', optimizer: 'adam', backend: 'auto' })
    expect(settingErrors(s)).toEqual({})
    expect(defaultSettings(0, [builtin('digits', false), builtin('shapes')]).dataset).toBe('shapes')
  })

  it('become a request that the engine host and the dataset reader accept', () => {
    const s = { ...defaultSettings(0, [builtin('digits')]), optimizer: 'sgd' as const, schedule: 'step' as const, warmup: 5, crop: 2, noise: 0.1 }
    const r = startRequest(s)
    const job = jobSchema.parse({ runId: 1, spec: {}, hyper: r.hyper, dataset: r.dataset, seed: r.seed, backend: r.backend })
    expect(job.hyper.optimizer).toEqual({ kind: 'sgd', lr: 0.001, momentum: 0.9, weightDecay: 0 })
    expect(job.hyper.schedule).toEqual({ kind: 'step', every: 500, gamma: 0.5, warmup: 5 })
    const dataset = parseDatasetSpec(r.dataset)
    expect(dataset.source).toEqual({ kind: 'builtin', id: 'digits' })
    expect(dataset.augmentation).toEqual({ crop: { padding: 2 }, noise: { std: 0.1 } })
    expect(dataset.split.validation).toBe(0.1)
  })

  it('name what is wrong, field by field', () => {
    const s = { ...defaultSettings(0, []), name: ' ', epochs: 0.5, batchSize: 0, lr: 0, flip: 2, schedule: 'cosine' as const, decaySteps: 0 }
    expect(Object.keys(settingErrors(s)).sort()).toEqual(['batchSize', 'decaySteps', 'epochs', 'flip', 'lr', 'name'])
  })
})

describe('a dataset saved in the project', () => {
  const saved = [{
    id: 4, name: 'my images', createdAt: 0,
    spec: { format: 'receptive.dataset/1', source: { kind: 'path', path: '/data/imgs', format: 'image-folder' }, options: { size: [32, 32] },
      inputShape: [3, 32, 32], classes: ['a', 'b'], split: { validation: 0.2, seed: 7 }, normalization: { mode: 'standardize', mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] },
      augmentation: { flip: { p: 0.5 } }, augmentationSeed: 0 },
  }]

  it('brings its split and augmentation into the settings, and keeps its source, options and normalisation', () => {
    const s = withDataset(defaultSettings(0, [builtin('digits')]), savedKey(4), saved)
    expect(s).toMatchObject({ dataset: 'saved:4', validation: 0.2, flip: 0.5, crop: 0 })
    const dataset = parseDatasetSpec(startRequest({ ...s, noise: 0.05 }, saved).dataset)
    expect(dataset.source).toEqual({ kind: 'path', path: '/data/imgs', format: 'image-folder' })
    expect(dataset.options).toEqual({ size: [32, 32] })
    expect(dataset.normalization).toEqual({ mode: 'standardize', mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] })
    expect(dataset.split).toEqual({ validation: 0.2, seed: 7 })
    expect(dataset.augmentation).toEqual({ flip: { p: 0.5 }, noise: { std: 0.05 } })
  })

  it('leaves the settings alone for a built-in', () => {
    const s = defaultSettings(0, [builtin('digits'), builtin('shapes')])
    expect(withDataset(s, 'shapes', saved)).toEqual({ ...s, dataset: 'shapes' })
  })
})
