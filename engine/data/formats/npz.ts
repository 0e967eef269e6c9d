// NumPy .npz archives (np.savez / np.savez_compressed): a ZIP of .npy members. The sample and label
// arrays are chosen by the x/y options or by their names (npy-pairs.ts). Members are read in place
// from the archive (stored) or inflated as a stream (deflated); nothing is extracted to disk.

import { closeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { readZipDirectory, type ZipEntry } from '../codecs/zip-directory.ts'
import type { Dataset } from '../dataset.ts'
import { DataError } from '../errors.ts'
import type { DataFormat, ImportContext, ImportOptions, Imported } from '../format.ts'
import { shareClasses } from '../shared-classes.ts'
import { arraysToDataset, readLabels, readNpy, type NpySource } from './npy-arrays.ts'
import { findPairs, partnerOf } from './npy-pairs.ts'

async function members(path: string): Promise<Map<string, ZipEntry>> {
  const h = await open(path, 'r')
  try {
    const entries = await readZipDirectory(h, (await h.stat()).size)
    return new Map(entries.filter((e) => e.name.endsWith('.npy')).map((e) => [e.name.slice(0, -4), e]))
  } catch (e) {
    throw new DataError(path, (e as Error).message)
  } finally {
    await h.close()
  }
}

function memberSource(path: string, name: string, e: ZipEntry): NpySource {
  if (e.method !== 0 && e.method !== 8) throw new DataError(`${path}:${name}`, `uses ZIP method ${e.method}; only stored and deflate are supported`)
  return { file: path, label: `${path}:${name}`, offset: e.dataOffset, length: e.compressedSize, deflated: e.method === 8 }
}

async function openPair(path: string, all: Map<string, ZipEntry>, [xn, yn]: [string, string],
  options: ImportOptions, ctx: ImportContext, name: string): Promise<Dataset> {
  const find = (n: string) => {
    const e = all.get(n)
    if (!e) throw new DataError(path, `has no array '${n}' (it holds ${[...all.keys()].join(', ') || 'no arrays'})`)
    return memberSource(path, n, e)
  }
  const labels = await readLabels(find(yn), {})
  const x = await readNpy(find(xn), ctx, options.inMemoryLimit)
  try {
    return arraysToDataset(name, x, labels, `${path}:${yn}`, options)
  } catch (e) {
    if (x.fd !== undefined) closeSync(x.fd)
    throw e
  }
}

export const npzFormat: DataFormat = {
  id: 'npz',
  name: 'NumPy .npz archive',
  cache: true,
  match: (p) => p.kind === 'file' && p.head[0] === 0x50 && p.head[1] === 0x4b && p.path.toLowerCase().endsWith('.npz'),
  async open(path, options, ctx): Promise<Imported> {
    const all = await members(path)
    const names = [...all.keys()]
    let pairs = findPairs(names)
    if (options.x) {
      const y = options.y ?? partnerOf(options.x, names)
      if (!y) throw new DataError(path, `no label array found for '${options.x}'; name one with the y option`)
      pairs = { train: [options.x, y] }
    }
    if (!pairs) throw new DataError(path, `cannot tell samples from labels among ${names.join(', ') || 'no arrays'}; name them with the x and y options`)
    const title = basename(path, '.npz')
    const { train, test } = shareClasses(
      await openPair(path, all, pairs.train, options, ctx, pairs.test ? `${title} (train)` : title),
      pairs.test && await openPair(path, all, pairs.test, options, ctx, `${title} (test)`))
    const used = [pairs.train, ...(pairs.test ? [pairs.test] : [])]
    return { format: 'npz', train, test, bad: [], sources: [path], notes: [`arrays ${used.map(([x, y]) => `${x}/${y}`).join(', ')}`] }
  },
}
