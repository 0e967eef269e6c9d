// Batching for the train/eval loops: every sample once per epoch, labels travel with their sample,
// order seeded by (seed, epoch), normalisation and augmentation applied per sample.
import { describe, expect, it } from 'vitest'
import { AugmentedDataset } from '../../../engine/data/augment.ts'
import { batches } from '../../../engine/data/batches.ts'
import { ArrayDataset } from '../../../engine/data/dataset.ts'

// sample i is a 1×2×3 image whose values are i*10 + position; label i % 3
function indexed(n: number): ArrayDataset {
  const x = new Float32Array(n * 6)
  for (let i = 0; i < n; i++) for (let p = 0; p < 6; p++) x[i * 6 + p] = i * 10 + p
  return new ArrayDataset('indexed', [1, 2, 3], ['a', 'b', 'c'], x, Int32Array.from({ length: n }, (_, i) => i % 3))
}

const sampleIds = (b: { x: Float32Array; count: number }) => Array.from({ length: b.count }, (_, k) => b.x[k * 6] / 10)

describe('batches', () => {
  it('reads in index order without shuffle, with a smaller last batch', () => {
    const all = [...batches(indexed(10), { batchSize: 4 })]
    expect(all.map((b) => b.count)).toEqual([4, 4, 2])
    expect(all.map((b) => b.x.length)).toEqual([24, 24, 12])
    expect(all.flatMap(sampleIds)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(all[2].x[6 + 5]).toBe(95)
    expect([...all[1].labels]).toEqual([1, 2, 0, 1])
  })

  it('shuffles every sample exactly once per epoch, labels following their sample', () => {
    const ds = indexed(50)
    const ids = [...batches(ds, { batchSize: 8, shuffle: true, seed: 3, epoch: 0 })].flatMap((b) => {
      sampleIds(b).forEach((id, k) => expect(b.labels[k]).toBe(id % 3))
      return sampleIds(b)
    })
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(ids).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
  })

  it('derives the order from seed and epoch only', () => {
    const order = (seed: number, epoch: number) =>
      [...batches(indexed(30), { batchSize: 7, shuffle: true, seed, epoch })].flatMap(sampleIds)
    expect(order(1, 2)).toEqual(order(1, 2))
    expect(order(1, 2)).not.toEqual(order(1, 3))
    expect(order(1, 2)).not.toEqual(order(2, 2))
  })

  it('normalises per channel after reading', () => {
    const [b] = [...batches(indexed(2), { batchSize: 2, normalize: { mean: [5], std: [2] } })]
    expect([...b.x]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((v, k) => ((k < 6 ? v : v + 4) - 5) / 2))
  })

  it('augments with the (seed, epoch, index) draws of AugmentedDataset, new draws each epoch', () => {
    const ds = indexed(12)
    const augment = { translate: { max: 1 }, flip: { p: 0.5 } }
    const run = (epoch: number) => [...batches(ds, { batchSize: 5, seed: 9, epoch, augment })]
    const ref = new AugmentedDataset(ds, augment, 9)
    ref.setEpoch(4)
    const expected = new Float32Array(12 * 6)
    for (let i = 0; i < 12; i++) ref.read(i, expected, i * 6)
    const got = Float32Array.from(run(4).flatMap((b) => [...b.x]))
    expect(got).toEqual(expected)
    const plain = [...batches(ds, { batchSize: 12 })][0].x
    expect(got).not.toEqual(plain)
    expect(Float32Array.from(run(5).flatMap((b) => [...b.x]))).not.toEqual(got)
  })

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => batches(indexed(3), { batchSize: 0 }).next()).toThrow(/batch size/)
  })
})
