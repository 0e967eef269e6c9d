// Decoded-data cache: an import whose decoding is slow (image and WAV folders, compressed archives)
// is written once as raw sample bytes + labels, and the next open of the same path with the same
// options reads it back in one go. An entry is valid while every file and folder the import read
// keeps its size and mtime; entries are written to a temporary file and renamed, so never half-written.

import { createHash } from 'node:crypto'
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { allocSamples, dtypeOf, type Dtype } from './dtype.ts'
import { readExactly } from './file-read.ts'
import type { ImportOptions, Imported } from './format.ts'
import { PackedDataset } from './packed.ts'

const MAGIC = 'RCPTVDC1'
const VERSION = 1

interface Stamp { path: string; size: number; mtimeMs: number }
interface SplitHeader {
  role: 'train' | 'test'; name: string; inputShape: number[]; classes: string[]
  dtype: Dtype; scale: number; channelsLast: boolean; count: number; dataOffset: number; dataBytes: number; labelsOffset: number
}
interface CacheHeader { version: number; format: Imported['format']; bad: Imported['bad']; notes: string[]; sources: Stamp[]; splits: SplitHeader[] }

const sortKeys = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v)
  ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v)

/** the cache file for a path, format and options */
export function cacheFile(cacheDir: string, path: string, format: string, options: ImportOptions | object): string {
  const key = createHash('sha256').update(JSON.stringify({ v: VERSION, format, path: resolve(path), options: sortKeys(options) })).digest('hex')
  return join(cacheDir, `${key.slice(0, 32)}.rdc`)
}

async function stampOf(path: string): Promise<Stamp> {
  const s = await stat(path)
  return { path, size: s.size, mtimeMs: s.mtimeMs }
}

/** whether an import can be cached: every split packed in memory */
export const cacheable = (imp: Imported): boolean => [imp.train, imp.test].every((d) => d === undefined || d instanceof PackedDataset)

export async function writeCache(file: string, imp: Imported): Promise<void> {
  const splits = ([['train', imp.train], ['test', imp.test]] as const).filter(([, d]) => d) as [SplitHeader['role'], PackedDataset][]
  const headers: SplitHeader[] = []
  let offset = 0
  const align = (n: number) => Math.ceil(n / 8) * 8
  for (const [role, d] of splits) {
    const { data, scale, channelsLast } = d.storage
    const dataOffset = offset
    offset = align(offset + data.byteLength)
    headers.push({ role, name: d.name, inputShape: [...d.inputShape], classes: [...d.classes], dtype: dtypeOf(data), scale, channelsLast,
      count: d.length, dataOffset, dataBytes: data.byteLength, labelsOffset: offset })
    offset = align(offset + d.labels.byteLength)
  }
  const header: CacheHeader = { version: VERSION, format: imp.format, bad: imp.bad, notes: imp.notes,
    sources: await Promise.all(imp.sources.map(stampOf)), splits: headers }
  const json = Buffer.from(JSON.stringify(header))
  const base = align(12 + json.length)
  await mkdir(resolve(file, '..'), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  const h = await open(tmp, 'w')
  try {
    const pre = Buffer.alloc(12)
    pre.write(MAGIC, 0, 'latin1'); pre.writeUInt32LE(json.length, 8)
    await h.write(pre, 0, 12, 0)
    await h.write(json, 0, json.length, 12)
    for (const [k, [, d]] of splits.entries()) {
      const { data } = d.storage
      await h.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 0, data.byteLength, base + headers[k].dataOffset)
      await h.write(new Uint8Array(d.labels.buffer, d.labels.byteOffset, d.labels.byteLength), 0, d.labels.byteLength, base + headers[k].labelsOffset)
    }
    await h.sync()
  } finally {
    await h.close()
  }
  await rename(tmp, file)
}

/** the cached import, or undefined when there is none or any source changed since */
export async function readCache(file: string): Promise<Imported | undefined> {
  let h
  try { h = await open(file, 'r') } catch { return undefined }
  try {
    const pre = Buffer.alloc(12)
    await h.read(pre, 0, 12, 0)
    if (pre.toString('latin1', 0, 8) !== MAGIC) return undefined
    const json = Buffer.alloc(pre.readUInt32LE(8))
    await h.read(json, 0, json.length, 12)
    const header = JSON.parse(json.toString()) as CacheHeader
    if (header.version !== VERSION) return undefined
    for (const s of header.sources) {
      const now = await stampOf(s.path).catch(() => undefined)
      if (!now || now.size !== s.size || now.mtimeMs !== s.mtimeMs) return undefined
    }
    const base = Math.ceil((12 + json.length) / 8) * 8
    const sets: Record<string, PackedDataset> = {}
    for (const s of header.splits) {
      const data = allocSamples(s.dtype, s.dataBytes / allocSamples(s.dtype, 1).BYTES_PER_ELEMENT)
      await readExactly(h, base + s.dataOffset, s.dataBytes, {}, new Uint8Array(data.buffer))
      const labels = new Int32Array(s.count)
      await readExactly(h, base + s.labelsOffset, labels.byteLength, {}, new Uint8Array(labels.buffer))
      sets[s.role] = new PackedDataset(s.name, s.inputShape, s.classes, { data, scale: s.scale, channelsLast: s.channelsLast }, labels)
    }
    return { format: header.format, train: sets.train, test: sets.test, bad: header.bad,
      sources: header.sources.map((s) => s.path), notes: [...header.notes, 'read from the decoded-data cache'] }
  } catch {
    // a damaged entry is a miss; the import rewrites it
    await unlink(file).catch(() => undefined)
    return undefined
  } finally {
    await h.close()
  }
}
