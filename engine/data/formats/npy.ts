// NumPy .npy files: one sample array with its label array beside it (x.npy + y.npy, x_train.npy +
// y_train.npy…), given as the sample file or as the folder holding the pair(s). See npy-arrays.ts
// for reading and npy-layout.ts for where the channel axis is.

import { closeSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { isNpy } from '../codecs/npy-header.ts'
import type { Dataset } from '../dataset.ts'
import { DataError } from '../errors.ts'
import type { DataFormat, ImportContext, ImportOptions, Imported } from '../format.ts'
import { shareClasses } from '../shared-classes.ts'
import { arraysToDataset, readLabels, readNpy, type NpySource } from './npy-arrays.ts'
import { findPairs, partnerOf } from './npy-pairs.ts'

const stems = (entries: readonly string[]) => entries.filter((e) => e.endsWith('.npy')).map((e) => e.slice(0, -4))

async function source(file: string): Promise<NpySource> {
  return { file, label: file, offset: 0, length: (await stat(file)).size, deflated: false }
}

/** opens a sample .npy and a label .npy as one dataset */
export async function openNpyPair(xFile: string, yFile: string, options: ImportOptions, ctx: ImportContext, name: string): Promise<Dataset> {
  const labels = await readLabels(await source(yFile), {})
  const x = await readNpy(await source(xFile), ctx, options.inMemoryLimit)
  try {
    return arraysToDataset(name, x, labels, yFile, options)
  } catch (e) {
    if (x.fd !== undefined) closeSync(x.fd)
    throw e
  }
}

export const npyFormat: DataFormat = {
  id: 'npy',
  name: 'NumPy .npy arrays',
  cache: false,
  match(p) {
    if (p.kind === 'dir') return findPairs(stems(p.entries)) !== undefined
    return isNpy(p.head)
  },
  async open(path, options, ctx): Promise<Imported> {
    if ((await stat(path)).isFile()) {
      const dir = dirname(path)
      const partner = partnerOf(basename(path, '.npy'), stems(await readdir(dir)))
      const yFile = options.y ? resolve(dir, options.y) : partner && join(dir, `${partner}.npy`)
      if (!yFile) throw new DataError(path, 'no label array found beside it (e.g. y.npy or labels.npy); name one with the y option')
      const train = await openNpyPair(path, yFile, options, ctx, basename(path, '.npy'))
      return { format: 'npy', train, bad: [], sources: [path, yFile], notes: [`samples ${basename(path)}, labels ${basename(yFile)}`] }
    }
    const pairs = findPairs(stems(await readdir(path)))
    if (!pairs) throw new DataError(path, 'holds no pair of sample and label .npy files (such as x.npy and y.npy)')
    const file = (n: string) => join(path, `${n}.npy`)
    const { train, test } = shareClasses(
      await openNpyPair(file(pairs.train[0]), file(pairs.train[1]), options, ctx, `${basename(path)} (train)`),
      pairs.test && await openNpyPair(file(pairs.test[0]), file(pairs.test[1]), options, ctx, `${basename(path)} (test)`))
    const used = [pairs.train, ...(pairs.test ? [pairs.test] : [])].flat()
    return {
      format: 'npy', train, test, bad: [], sources: [path, ...used.map(file)],
      notes: [`samples ${used.filter((_, k) => k % 2 === 0).join(', ')}; labels ${used.filter((_, k) => k % 2 === 1).join(', ')}`],
    }
  },
}
