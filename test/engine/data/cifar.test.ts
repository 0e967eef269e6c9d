// CIFAR-10 / CIFAR-100 binary batches written by make-fixtures.py: the official folder layout with its
// label names, a lone .bin file, coarse and fine CIFAR-100 labels, and a file of a wrong size.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { fixture, readAll, scratch } from './fixture-files.ts'

// record k: pixel (c, y, x) = (k*7 + c*80 + y*2 + x) % 256, channels-first
const expectedPixels = (k: number) =>
  Array.from({ length: 3072 }, (_, p) => ((k * 7 + Math.floor(p / 1024) * 80 + Math.floor((p % 1024) / 32) * 2 + (p % 32)) % 256) / 255)

function expectRecords(got: number[], ks: number[]) {
  ks.forEach((k, n) => {
    const want = expectedPixels(k)
    for (let p = 0; p < 3072; p += 97) expect(got[n * 3072 + p]).toBeCloseTo(want[p], 6)
  })
}

describe('CIFAR reader', () => {
  it('reads the CIFAR-10 folder: data_batch_1..n as train, test_batch as test, names from batches.meta.txt', async () => {
    const dir = fixture('cifar10')
    expect((await detectFormat(dir))?.id).toBe('cifar')
    const imp = await importDataset(dir)
    expect(imp.train.inputShape).toEqual([3, 32, 32])
    expect(imp.train.classes).toEqual(['plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'])
    const train = readAll(imp.train)
    expect(train.labels).toEqual([0, 1, 2, 3, 4])
    expectRecords(train.x, [0, 1, 2, 3, 4])
    const test = readAll(imp.test!)
    expect(test.labels).toEqual([5, 6])
    expectRecords(test.x, [5, 6])
  })

  it('reads a lone CIFAR-10 .bin file as one split with the standard class names', async () => {
    const imp = await importDataset(fixture('cifar10/data_batch_2.bin'))
    expect(imp.format).toBe('cifar')
    expect(imp.train.classes[0]).toBe('airplane')
    expect(readAll(imp.train).labels).toEqual([3, 4])
    expect(imp.test).toBeUndefined()
  })

  it('reads CIFAR-100 with fine labels by default and coarse labels on request', async () => {
    const fine = await importDataset(fixture('cifar100'))
    expect(fine.train.classes).toHaveLength(100)
    expect(readAll(fine.train).labels).toEqual([0, 11, 22, 33])
    expectRecords(readAll(fine.train).x, [0, 1, 2, 3])
    expect(readAll(fine.test!).labels).toEqual([44])
    const coarse = await importDataset(fixture('cifar100'), { labelKind: 'coarse' })
    expect(coarse.train.classes).toHaveLength(20)
    expect(readAll(coarse.train).labels).toEqual([0, 1, 2, 3])
  })

  it('names a batch file that is not a whole number of records', async () => {
    const dir = scratch()
    for (const f of ['data_batch_1.bin', 'test_batch.bin']) copyFileSync(fixture('cifar10', f), join(dir, f))
    const batch = join(dir, 'data_batch_1.bin')
    writeFileSync(batch, readFileSync(batch).subarray(0, 3073 * 2 + 100))
    await expect(importDataset(dir)).rejects.toThrow(`${batch}: 6246 bytes is not a whole number of 3073-byte CIFAR-10 records`)
  })

  it('names the batch holding a label out of range for the given classes', async () => {
    await expect(importDataset(fixture('cifar10'), { classes: ['a', 'b', 'c', 'd'] })).rejects
      .toThrow(`${fixture('cifar10/data_batch_2.bin')}: label 4 at index 1 is out of range for 4 classes (0…3)`)
  })
})
