// NumPy readers on arrays NumPy wrote (make-npy.py): .npy pairs of rank 2 (images), rank 4 (volumes,
// big-endian) and rank 5 (channels-last video), .npz stored and compressed with 1D and channels-last
// samples and a train/test split, per-sample reads from disk, and the errors: Fortran order, one-hot or out-of-range
// labels, a header that disagrees with the file's length, and sample/label counts that differ.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { expectClose, fixture, range, readAll, scratch } from './fixture-files.ts'

describe('.npy reader', () => {
  it('reads uint8 images [N, H, W] with int64 labels as [1, H, W] in [0, 1], from the folder or the sample file', async () => {
    expect((await detectFormat(fixture('npy-u8')))?.id).toBe('npy')
    for (const path of [fixture('npy-u8'), fixture('npy-u8/x.npy')]) {
      const imp = await importDataset(path)
      expect(imp.format).toBe('npy')
      expect(imp.train.inputShape).toEqual([1, 5, 4])
      expect(imp.train.classes).toEqual(['0', '1', '2'])
      const { x, labels } = readAll(imp.train)
      expect(labels).toEqual([0, 1, 2, 0, 1, 2])
      expectClose(x, range(120).map((k) => ((Math.floor(k / 20) * 37 + Math.floor((k % 20) / 4) * 11 + (k % 4) * 3) % 256) / 255), 5)
    }
  })

  it('reads big-endian float32 volumes [N, 1, D, H, W] unscaled, in memory or per sample from disk', async () => {
    for (const inMemoryLimit of [undefined, 16]) {
      const imp = await importDataset(fixture('npy-volume-be'), inMemoryLimit ? { inMemoryLimit } : {})
      expect(imp.train.inputShape).toEqual([1, 4, 4, 4])
      const { x, labels } = readAll(imp.train)
      expect(labels).toEqual([1, 0, 1])
      expectClose(x, range(192).map((k) => k / 10), 5)
      if (inMemoryLimit) (imp.train as unknown as { close(): void }).close()
    }
  })

  it('reads channels-last video clips [N, T, H, W, C] as [C, T, H, W]', async () => {
    const imp = await importDataset(fixture('npy-video'))
    expect(imp.train.inputShape).toEqual([3, 6, 4, 5])
    const { x, labels } = readAll(imp.train)
    expect(labels).toEqual([1, 0])
    const want = range(720).map((k) => {
      const n = Math.floor(k / 360), c = Math.floor((k % 360) / 120), f = Math.floor((k % 120) / 20), i = Math.floor((k % 20) / 5), j = k % 5
      return ((n * 100 + f * 20 + i * 5 + j + c * 60) % 256) / 255
    })
    expectClose(x, want, 5)
    // the layout option overrides the guess: read as 6 channels of 4×5×3 volumes
    expect((await importDataset(fixture('npy-video'), { layout: 'channels-first' })).train.inputShape).toEqual([6, 4, 5, 3])
  })

  it('refuses Fortran-order arrays, naming the file', async () => {
    await expect(importDataset(fixture('npy-fortran'))).rejects
      .toThrow(`${fixture('npy-fortran/x.npy')}: Fortran-order arrays are not supported: save with np.ascontiguousarray(a)`)
  })

  it('names a file whose header declares more data than it holds', async () => {
    const dir = scratch()
    copyFileSync(fixture('npy-u8/y.npy'), join(dir, 'y.npy'))
    writeFileSync(join(dir, 'x.npy'), readFileSync(fixture('npy-u8/x.npy')).subarray(0, 200))
    await expect(importDataset(dir)).rejects
      .toThrow(`${join(dir, 'x.npy')}: header declares shape (6, 5, 4) of u8 (120 bytes) but the file holds 72 bytes of data`)
  })

  it('names the label file when counts differ or a label is out of range', async () => {
    const dir = scratch()
    copyFileSync(fixture('npy-u8/x.npy'), join(dir, 'x.npy'))
    copyFileSync(fixture('npy-volume-be/y.npy'), join(dir, 'y.npy'))
    await expect(importDataset(dir)).rejects.toThrow(`${join(dir, 'y.npy')}: holds 3 labels for the 6 samples of ${join(dir, 'x.npy')}`)
    await expect(importDataset(fixture('npy-u8'), { classes: ['a', 'b'] })).rejects
      .toThrow(`${fixture('npy-u8/y.npy')}: label 2 at index 2 is out of range for 2 classes (0…1)`)
  })
})

describe('.npz reader', () => {
  it('reads channels-last colour images with a train/test split (np.savez) as channels-first', async () => {
    const path = fixture('npz-hwc.npz')
    expect((await detectFormat(path))?.id).toBe('npz')
    const imp = await importDataset(path)
    expect(imp.train.inputShape).toEqual([3, 5, 2])
    const value = (base: number, n: number, c: number, h: number, w: number) => base + n * 100 + h * 10 + w + c * 0.25
    const planar = (base: number, count: number) => range(count * 30).map((k) => {
      const n = Math.floor(k / 30), c = Math.floor((k % 30) / 10), h = Math.floor((k % 10) / 2), w = k % 2
      return value(base, n, c, h, w)
    })
    const train = readAll(imp.train), test = readAll(imp.test!)
    expect(train.labels).toEqual([0, 1, 1, 0])
    expectClose(train.x, planar(0, 4), 5)
    expect(test.labels).toEqual([1, 0])
    expectClose(test.x, planar(1000, 2), 5)
  })

  it('reads 1D float64 signals from a compressed archive (np.savez_compressed) with uint8 labels', async () => {
    const imp = await importDataset(fixture('npz-compressed.npz'))
    expect(imp.train.inputShape).toEqual([1, 16])
    const { x, labels } = readAll(imp.train)
    expect(labels).toEqual([0, 1, 2, 1, 0])
    expectClose(x, range(80).map((k) => Math.sin((k % 16) * (Math.floor(k / 16) + 1) / 3)), 5)
  })

  it('picks arrays named by the x and y options', async () => {
    const imp = await importDataset(fixture('npz-hwc.npz'), { x: 'x_test', y: 'y_test' })
    expect(readAll(imp.train).labels).toEqual([1, 0])
    await expect(importDataset(fixture('npz-hwc.npz'), { x: 'images', y: 'y_test' })).rejects
      .toThrow(`${fixture('npz-hwc.npz')}: has no array 'images' (it holds x_train, y_train, x_test, y_test)`)
  })

  it('names the label member that is out of range, and explains one-hot labels', async () => {
    await expect(importDataset(fixture('npz-bad-labels.npz'), { classes: ['a', 'b'] })).rejects
      .toThrow(`${fixture('npz-bad-labels.npz')}:y: label 7 at index 2 is out of range for 2 classes (0…1)`)
    await expect(importDataset(fixture('npz-onehot.npz'))).rejects.toThrow(/npz-onehot\.npz:y: .*one-hot\? use argmax/)
  })

  it('names a truncated archive', async () => {
    const path = join(scratch(), 'cut.npz')
    writeFileSync(path, readFileSync(fixture('npz-hwc.npz')).subarray(0, 900))
    await expect(importDataset(path, {}, {}, 'npz')).rejects.toThrow(`${path}: not a ZIP archive (no end-of-central-directory record)`)
  })
})
