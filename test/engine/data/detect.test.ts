// Recognising a path's format from its content, and the message for paths no reader can open.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { fixture, scratch } from './fixture-files.ts'

describe('format detection', () => {
  it('recognises every fixture by content and layout', async () => {
    const cases: [string, string][] = [
      ['idx/raw', 'idx'], ['idx/gz/train-images-idx3-ubyte.gz', 'idx'], ['idx/raw/train-images-idx3-ubyte', 'idx'],
      ['cifar10', 'cifar'], ['cifar100', 'cifar'], ['cifar10/test_batch.bin', 'cifar'],
      ['npy-u8', 'npy'], ['npy-u8/x.npy', 'npy'], ['npz-hwc.npz', 'npz'], ['wav', 'wav-folder'],
    ]
    for (const [path, id] of cases) expect((await detectFormat(fixture(path)))?.id, path).toBe(id)
  })

  it('names a path no reader recognises, an empty folder and a missing path', async () => {
    const dir = scratch()
    writeFileSync(join(dir, 'notes.txt'), 'hello')
    mkdirSync(join(dir, 'empty'))
    const readers = 'IDX (MNIST layout), CIFAR binary batches, NumPy .npy arrays, NumPy .npz archive, image folder (one subfolder per class), WAV folder (one subfolder per class)'
    await expect(importDataset(join(dir, 'notes.txt'))).rejects.toThrow(`${join(dir, 'notes.txt')}: is not a dataset Receptive can read (${readers})`)
    await expect(importDataset(join(dir, 'empty'))).rejects.toThrow(`${join(dir, 'empty')}: is not a dataset Receptive can read`)
    await expect(importDataset(join(dir, 'missing'))).rejects.toThrow(`${join(dir, 'missing')}: does not exist or cannot be read`)
  })
})
