// From a stored dataset spec to training datasets: the schema's defaults and errors, the seeded
// validation split, mean/std computed on the training split and stored back, augmentation only on
// train, and a source whose shape or classes no longer match what the project recorded.
import { describe, expect, it } from 'vitest'
import { loadDataset } from '../../../engine/data/load.ts'
import { parseDatasetSpec, specFor } from '../../../engine/data/spec.ts'
import { channelStats } from '../../../engine/data/stats.ts'
import { summarize } from '../../../engine/data/summary.ts'
import { splitValidation } from '../../../engine/data/subset.ts'
import { fixture, readAll } from './fixture-files.ts'

describe('dataset spec', () => {
  it('fills the defaults: 10% validation, standardise, no augmentation', () => {
    const spec = specFor('shapes', true)
    expect(spec).toEqual({
      format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes' }, options: {},
      split: { validation: 0.1, seed: 0 }, normalization: { mode: 'standardize' }, augmentation: {}, augmentationSeed: 0,
    })
    expect(specFor('/data/x', false).source).toEqual({ kind: 'path', path: '/data/x' })
  })

  it('lists every problem of an invalid spec with its path', () => {
    expect(() => parseDatasetSpec({ format: 'receptive.dataset/2', source: { kind: 'path', path: '' }, augmentation: { flip: { p: 2 } } }))
      .toThrow(/invalid dataset spec:[\s\S]*format[\s\S]*source\.path[\s\S]*augmentation\.flip\.p/)
  })
})

describe('loadDataset', () => {
  it('splits, standardises on the training split and stores mean/std, augments train only', async () => {
    const spec = parseDatasetSpec({
      format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes', count: 150, seed: 2 },
      split: { validation: 0.2, seed: 4 }, augmentation: { flip: { p: 1 } },
    })
    const loaded = await loadDataset(spec)
    expect(loaded.train.length).toBe(120)
    expect(loaded.validation!.length).toBe(30)
    expect(loaded.test!.length).toBe(30)
    expect(loaded.spec.inputShape).toEqual([1, 28, 28])
    expect(loaded.spec.classes).toEqual(['circle', 'square', 'triangle'])
    const { mean, std } = loaded.spec.normalization as { mean: number[]; std: number[] }
    const after = channelStats(loaded.train)
    expect(after.mean[0]).toBeCloseTo(0, 4)
    expect(after.std[0]).toBeCloseTo(1, 4)
    // validation is normalised with the training numbers and not flipped
    const v0 = readAll(loaded.validation!).x.slice(0, 784)
    const plain = new Float32Array(784)
    splitValidation(loaded.imported.train, 0.2, 4).validation.read(0, plain, 0)
    v0.forEach((v, p) => expect(v).toBeCloseTo((plain[p] - mean[0]) / std[0], 4))
    // the stored spec reloads to the same numbers without recomputing
    const again = await loadDataset(loaded.spec)
    expect(again.spec.normalization).toEqual(loaded.spec.normalization)
  })

  it('refuses a source whose samples or classes changed since the project recorded them', async () => {
    const base = { format: 'receptive.dataset/1', source: { kind: 'path', path: fixture('idx/raw') } }
    await expect(loadDataset(parseDatasetSpec({ ...base, inputShape: [1, 28, 28] }))).rejects
      .toThrow(`${fixture('idx/raw')}: samples are now [1, 3, 4], the project recorded [1, 28, 28]`)
    await expect(loadDataset(parseDatasetSpec({ ...base, classes: ['a', 'b', 'c'] }))).rejects
      .toThrow(`${fixture('idx/raw')}: classes are now 0, 1, 2; the project recorded a, b, c`)
  })
})

describe('summarize', () => {
  it('reports format, shape, classes with counts per split, mean/std, bad files and notes', async () => {
    const loaded = await loadDataset(parseDatasetSpec({ format: 'receptive.dataset/1', source: { kind: 'path', path: fixture('cifar10') } }))
    const s = summarize(loaded.imported)
    expect(s.format).toBe('cifar')
    expect(s.inputShape).toEqual([3, 32, 32])
    expect(s.splits).toEqual([
      { name: 'train', count: 5, perClass: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0] },
      { name: 'test', count: 2, perClass: [0, 0, 0, 0, 0, 1, 1, 0, 0, 0] },
    ])
    expect(s.mean).toHaveLength(3)
    expect(s.std).toHaveLength(3)
    expect(s.bad).toEqual([])
    expect(s.notes).toEqual(['CIFAR-10 records'])
  })
})
