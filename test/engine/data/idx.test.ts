// IDX reader on real files: raw and gzip fixtures written by NumPy, EMNIST's transposed layout with its
// mapping file, float32 payloads, the reader's errors (header vs length, bad magic, count mismatch,
// labels out of range), and the real Fashion-MNIST files of Debian's dataset-fashion-mnist.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { DataError } from '../../../engine/data/errors.ts'
import { openIdxPair } from '../../../engine/data/formats/idx.ts'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { channelStats, classCounts } from '../../../engine/data/stats.ts'
import { expectClose, fixture, readAll, scratch } from './fixture-files.ts'

// the formula make-fixtures.py wrote: pixel (n, y, x) = (n*50 + y*4 + x) % 256, label n % 3
const pixel = (n: number, y: number, x: number) => ((n * 50 + y * 4 + x) % 256) / 255
const expectedImages = (count: number) =>
  Array.from({ length: count * 12 }, (_, k) => pixel(Math.floor(k / 12), Math.floor((k % 12) / 4), k % 4))

describe('IDX reader', () => {
  it('reads a raw folder with train and t10k splits', async () => {
    const dir = fixture('idx/raw')
    expect((await detectFormat(dir))?.id).toBe('idx')
    const imp = await importDataset(dir)
    expect(imp.format).toBe('idx')
    expect(imp.train.inputShape).toEqual([1, 3, 4])
    expect(imp.train.classes).toEqual(['0', '1', '2'])
    const train = readAll(imp.train)
    expectClose(train.x, expectedImages(5), 6)
    expect(train.labels).toEqual([0, 1, 2, 0, 1])
    // t10k holds the first two images upside down
    const test = readAll(imp.test!)
    expect(test.labels).toEqual([0, 1])
    // labels 0 and 1 only, yet the same three classes as train
    expect(imp.test!.classes).toEqual(['0', '1', '2'])
    const onDisk = await importDataset(dir, { inMemoryLimit: 10 })
    expect(onDisk.test!.classes).toEqual(['0', '1', '2'])
    expect(readAll(onDisk.test!)).toEqual(test)
    expectClose(test.x.slice(0, 4), [8, 9, 10, 11].map((v) => v / 255), 6)
  })

  it('reads gzip-compressed files the same as raw ones', async () => {
    const gz = await importDataset(fixture('idx/gz/train-images-idx3-ubyte.gz'))
    const raw = await importDataset(fixture('idx/raw/train-images-idx3-ubyte'))
    expect(readAll(gz.train)).toEqual(readAll(raw.train))
    expect(gz.sources).toEqual([fixture('idx/gz/train-images-idx3-ubyte.gz'), fixture('idx/gz/train-labels-idx1-ubyte.gz')])
  })

  it('opens the images when given the labels file', async () => {
    const imp = await importDataset(fixture('idx/raw/train-labels-idx1-ubyte'))
    expect(imp.train.length).toBe(5)
  })

  it('reads per sample from disk above the in-memory limit, with the same values', async () => {
    const imp = await importDataset(fixture('idx/raw/train-images-idx3-ubyte'), { inMemoryLimit: 10 })
    expect(imp.train.constructor.name).toBe('FileSamplesDataset')
    expectClose(readAll(imp.train).x, expectedImages(5), 6)
    ;(imp.train as unknown as { close(): void }).close()
  })

  it('untransposes EMNIST images and names classes from the mapping file', async () => {
    const imp = await importDataset(fixture('idx/emnist/emnist-letters-train-images-idx3-ubyte'))
    expect(imp.train.classes).toEqual(['A', 'B', 'C'])
    expect(imp.train.inputShape).toEqual([1, 3, 4])
    expectClose(readAll(imp.train).x, expectedImages(5), 6)
    const fromDisk = await importDataset(fixture('idx/emnist/emnist-letters-train-images-idx3-ubyte'), { inMemoryLimit: 10 })
    expect(fromDisk.train.inputShape).toEqual([1, 3, 4])
    expectClose(readAll(fromDisk.train).x, expectedImages(5), 6)
    ;(fromDisk.train as unknown as { close(): void }).close()
  })

  it('reads float32 payloads unscaled', async () => {
    const imp = await importDataset(fixture('idx/f32/train-images-idx3-ubyte'))
    expect(readAll(imp.train)).toEqual({ x: [0.5, -1, 2, 3, 4, 5, 6, 7.25], labels: [1, 0] })
  })

  describe('bad files', () => {
    const copyPair = (dir: string) => {
      for (const f of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte']) copyFileSync(fixture('idx/raw', f), join(dir, f))
      return join(dir, 'train-images-idx3-ubyte')
    }

    it('names a raw file whose header disagrees with its length', async () => {
      const images = copyPair(scratch())
      writeFileSync(images, readFileSync(images).subarray(0, 70))
      await expect(importDataset(images)).rejects.toThrow(DataError)
      await expect(importDataset(images)).rejects.toThrow(`${images}: header declares 5 × 3 × 4 u8 values (60 bytes) but the file holds 54 bytes of data`)
      writeFileSync(images, Buffer.concat([readFileSync(fixture('idx/raw/train-images-idx3-ubyte')), Buffer.from([1])]))
      await expect(importDataset(images)).rejects.toThrow(/header declares .* but the file holds 61 bytes/)
    })

    it('names a gzip file that inflates to less or more than its header declares', async () => {
      const dir = scratch()
      const images = join(dir, 'train-images-idx3-ubyte.gz')
      const raw = readFileSync(fixture('idx/raw/train-images-idx3-ubyte'))
      copyFileSync(fixture('idx/gz/train-labels-idx1-ubyte.gz'), join(dir, 'train-labels-idx1-ubyte.gz'))
      writeFileSync(images, gzipSync(raw.subarray(0, 50)))
      await expect(importDataset(images)).rejects.toThrow(`${images}: header declares 60 bytes of data but the file holds 34 (truncated)`)
      writeFileSync(images, gzipSync(Buffer.concat([raw, Buffer.alloc(3)])))
      await expect(importDataset(images)).rejects.toThrow(`${images}: holds more data than its header declares`)
      writeFileSync(images, gzipSync(raw).subarray(0, 30))
      await expect(importDataset(images)).rejects.toThrow(images)
    })

    it('names a file with bad magic bytes', async () => {
      const dir = scratch()
      const images = copyPair(dir)
      const bytes = readFileSync(images); bytes[2] = 0x42
      writeFileSync(images, bytes)
      await expect(openIdxPair(images, join(dir, 'train-labels-idx1-ubyte'))).rejects.toThrow(`${images}: not an IDX file (magic bytes 00 00 42 03)`)
    })

    it('names the images file when image and label counts differ', async () => {
      const dir = scratch()
      const images = copyPair(dir)
      copyFileSync(fixture('idx/raw/t10k-labels-idx1-ubyte'), join(dir, 'train-labels-idx1-ubyte'))
      await expect(importDataset(images)).rejects.toThrow(`${images}: holds 5 images but train-labels-idx1-ubyte holds 2 labels`)
    })

    it('names the labels file when a label is out of range for the given classes', async () => {
      const images = copyPair(scratch())
      await expect(importDataset(images, { classes: ['a', 'b'] })).rejects
        .toThrow(`${images.replace('images-idx3', 'labels-idx1')}: label 2 at index 2 is out of range for 2 classes (0…1)`)
    })

    it('names a missing labels file', async () => {
      const dir = scratch()
      copyFileSync(fixture('idx/raw/train-images-idx3-ubyte'), join(dir, 'train-images-idx3-ubyte'))
      await expect(importDataset(join(dir, 'train-images-idx3-ubyte'))).rejects.toThrow(join(dir, 'train-labels-idx1-ubyte'))
    })
  })
})

const FASHION = '/usr/share/datasets/fashion-mnist'

// CI installs dataset-fashion-mnist (apt), so these files are part of the test environment
describe('IDX reader on Debian\'s Fashion-MNIST files', () => {
  it('reads 60,000 + 10,000 gzip images with balanced classes and the published mean/std', async () => {
    const imp = await importDataset(FASHION)
    expect(imp.train.length).toBe(60000)
    expect(imp.test!.length).toBe(10000)
    expect(imp.train.inputShape).toEqual([1, 28, 28])
    expect(classCounts(imp.train)).toEqual(Array(10).fill(6000))
    expect(classCounts(imp.test!)).toEqual(Array(10).fill(1000))
    // the first training and test images are ankle boots (class 9)
    expect(imp.train.label(0)).toBe(9)
    expect(imp.test!.label(0)).toBe(9)
    // the values everyone normalises Fashion-MNIST with: mean 0.2860, std 0.3530
    const { mean, std } = channelStats(imp.train)
    expect(mean[0]).toBeCloseTo(0.2860, 4)
    expect(std[0]).toBeCloseTo(0.3530, 4)
  })
})
