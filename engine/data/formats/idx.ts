// IDX files (MNIST, Fashion-MNIST, EMNIST): magic 0 0 type ndim, big-endian u32 dims, then the values.
// Raw or gzip; gzip is inflated as a stream straight into one buffer of the size the header declares,
// and a raw file must be exactly header + Π(dims)·sizeof(type) bytes (RELIABILITY G7). A raw file above
// the in-memory limit is read per sample from disk. openIdxPair is the entry other code uses.

import { closeSync, createReadStream, openSync } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createGunzip } from 'node:zlib'
import type { Dataset } from '../dataset.ts'
import { defaultScale, dtypeSize, swapBytes, viewAs, type Dtype, type SampleArray } from '../dtype.ts'
import { DataError } from '../errors.ts'
import { FileSamplesDataset } from '../file-samples.ts'
import { inflateSized, readExactly } from '../file-read.ts'
import type { DataFormat, ImportContext, ImportOptions, Imported } from '../format.ts'
import { checkLabels } from '../labels.ts'
import { PackedDataset } from '../packed.ts'
import { shareClasses } from '../shared-classes.ts'
import { readEmnistMapping, transposeImage } from './idx-emnist.ts'

const TYPES: Record<number, Dtype> = { 0x08: 'u8', 0x09: 'i8', 0x0b: 'i16', 0x0c: 'i32', 0x0d: 'f32', 0x0e: 'f64' }
const GZIP = [0x1f, 0x8b]
const IN_MEMORY_LIMIT = 1 << 30
const LABELS_LIMIT = 256 << 20

interface IdxHeader { dtype: Dtype; dims: number[]; headerBytes: number; payloadBytes: number }

/** parses and checks an IDX header; undefined when `bytes` is too short to hold it */
export function parseIdxHeader(bytes: Uint8Array, file: string): IdxHeader | undefined {
  if (bytes.length < 4) return undefined
  const dtype = TYPES[bytes[2]]
  if (bytes[0] !== 0 || bytes[1] !== 0 || !dtype || bytes[3] === 0) {
    throw new DataError(file, `not an IDX file (magic bytes ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')})`)
  }
  const headerBytes = 4 + 4 * bytes[3]
  if (bytes.length < headerBytes) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerBytes)
  const dims = Array.from({ length: bytes[3] }, (_, k) => view.getUint32(4 + 4 * k, false))
  return { dtype, dims, headerBytes, payloadBytes: dims.reduce((a, b) => a * b, 1) * dtypeSize(dtype) }
}

const describe = (h: IdxHeader) => `${h.dims.join(' × ')} ${h.dtype} values (${h.payloadBytes.toLocaleString('en')} bytes)`

interface IdxArray { header: IdxHeader; data?: SampleArray; fd?: number }

/** reads an IDX file, raw or gzip; raw files above `limit` bytes come back as an open fd instead of data */
export async function readIdx(file: string, ctx: ImportContext, limit = IN_MEMORY_LIMIT): Promise<IdxArray> {
  const handle = await open(file, 'r')
  try {
    const head = new Uint8Array(1024)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    if (head[0] === GZIP[0] && head[1] === GZIP[1]) return await gunzipIdx(file, ctx)
    const header = parseIdxHeader(head.subarray(0, bytesRead), file)
    if (!header) throw new DataError(file, `truncated IDX header (${bytesRead} bytes)`)
    const size = (await handle.stat()).size
    if (header.headerBytes + header.payloadBytes !== size) {
      throw new DataError(file, `header declares ${describe(header)} but the file holds ${(size - header.headerBytes).toLocaleString('en')} bytes of data`)
    }
    // a plain descriptor of its own: a FileHandle's fd would be closed under the dataset when the handle is collected
    if (header.payloadBytes > limit) return { header, fd: openSync(file, 'r') }
    const bytes = await readExactly(handle, header.headerBytes, header.payloadBytes, ctx)
    return { header, data: toNative(bytes, header.dtype) }
  } finally {
    await handle.close()
  }
}

/** big-endian bytes → a native typed array over the same memory */
function toNative(bytes: Uint8Array, dtype: Dtype): SampleArray {
  swapBytes(bytes, dtypeSize(dtype))
  return viewAs(dtype, bytes)
}

async function gunzipIdx(file: string, ctx: ImportContext): Promise<IdxArray> {
  const total = (await stat(file)).size
  const { header, payload } = await inflateSized(createReadStream(file), createGunzip(), (h) => parseIdxHeader(h, file), file, ctx, total)
  return { header, data: toNative(payload, header.dtype) }
}

/** opens an images file and its labels file as one dataset */
export async function openIdxPair(
  imagesPath: string, labelsPath: string, options: ImportOptions = {}, ctx: ImportContext = {}, name?: string,
): Promise<Dataset> {
  const labelsIdx = await readIdx(labelsPath, {}, LABELS_LIMIT)
  const lh = labelsIdx.header
  if (labelsIdx.fd !== undefined) { closeSync(labelsIdx.fd); throw new DataError(labelsPath, `is too large for a label file (${describe(lh)})`) }
  if (lh.dims.length !== 1) throw new DataError(labelsPath, `a label file has 1 dimension, this one has ${lh.dims.length} (${lh.dims.join(' × ')})`)
  if (lh.dtype === 'f32' || lh.dtype === 'f64') throw new DataError(labelsPath, `labels must be integers, found ${lh.dtype}`)
  const labels = Int32Array.from(labelsIdx.data!)
  const mapping = options.classes ?? (await readEmnistMapping(imagesPath))
  const classes = checkLabels(labels, labelsPath, mapping)
  const images = await readIdx(imagesPath, ctx, options.inMemoryLimit)
  const { dims, dtype } = images.header
  if (dims[0] !== labels.length) {
    if (images.fd !== undefined) closeSync(images.fd)
    throw new DataError(imagesPath, `holds ${dims[0]} images but ${basename(labelsPath)} holds ${labels.length} labels`)
  }
  const transpose = (options.transpose ?? /emnist/i.test(basename(imagesPath))) && dims.length === 3
  // a transposed file stores each h×w image as w rows of h values
  const [h, w] = transpose ? [dims[2], dims[1]] : [dims[1], dims[2]]
  const inputShape = dims.length === 3 ? [1, h, w] : [1, ...dims.slice(1)]
  const title = name ?? basename(imagesPath).replace(/-images-idx\d-ubyte(\.gz)?$/, '')
  if (images.fd !== undefined) {
    const fixup = transpose ? (s: Float32Array) => transposeImage(s, h, w) : undefined
    const layout = { fd: images.fd, offset: images.header.headerBytes, dtype, littleEndian: false, scale: defaultScale(dtype), fixup }
    return new FileSamplesDataset(title, inputShape, classes, layout, labels)
  }
  const data = images.data!
  if (transpose) for (let i = 0; i < dims[0]; i++) transposeImage(data.subarray(i * h * w, (i + 1) * h * w), h, w)
  return new PackedDataset(title, inputShape, classes, { data, scale: defaultScale(dtype), channelsLast: false }, labels)
}

const IMAGES = /^(.*?)(train|t10k|test)-images-idx\d-ubyte(\.gz)?$/

/** the labels file that goes with an images file (…-images-idx3-ubyte → …-labels-idx1-ubyte) */
export const labelsFor = (imagesPath: string): string => imagesPath.replace(/images-idx\d-ubyte/, 'labels-idx1-ubyte')

export const idxFormat: DataFormat = {
  id: 'idx',
  name: 'IDX (MNIST layout)',
  cache: false,
  match(p) {
    if (p.kind === 'dir') return p.entries.some((e) => IMAGES.test(e) && p.entries.includes(basename(labelsFor(e))))
    if (p.head[0] === GZIP[0] && p.head[1] === GZIP[1]) return /idx\d-ubyte\.gz$/.test(p.path)
    return p.head[0] === 0 && p.head[1] === 0 && p.head[2] in TYPES && p.head[3] > 0 && p.head[3] < 8
  },
  async open(path, options, ctx): Promise<Imported> {
    const info = await stat(path)
    if (info.isFile()) {
      // a labels file given alone: open the images beside it
      const images = /labels-idx1-ubyte/.test(path) ? path.replace('labels-idx1-ubyte', 'images-idx3-ubyte') : path
      const labels = labelsFor(images)
      const train = await openIdxPair(images, labels, options, ctx)
      return { format: 'idx', train, bad: [], sources: [images, labels], notes: [] }
    }
    const entries = await readdir(path)
    const pick = (split: RegExp) => entries.find((e) => IMAGES.test(e) && split.test(IMAGES.exec(e)![2]) && entries.includes(basename(labelsFor(e))))
    const trainName = pick(/^train$/)
    const testName = pick(/^(t10k|test)$/)
    const first = trainName ?? testName
    if (!first) throw new DataError(path, 'holds no pair of *-images-idx3-ubyte and *-labels-idx1-ubyte files')
    const openSplit = (n: string) => openIdxPair(join(path, n), join(path, basename(labelsFor(n))), options, ctx)
    const { train, test } = shareClasses(await openSplit(first), trainName && testName ? await openSplit(testName) : undefined)
    const used = [first, ...(test ? [testName!] : [])]
    return {
      format: 'idx', train, test, bad: [], notes: [],
      sources: [path, ...used.flatMap((n) => [join(path, n), join(path, basename(labelsFor(n)))])],
    }
  },
}
