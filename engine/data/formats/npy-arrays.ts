// Reading NumPy arrays from a .npy file or from an .npz member (stored or deflated), and turning a
// sample array plus a label array into a Dataset. Large stored arrays are read per sample from disk;
// deflated members are inflated as a stream into one buffer of the size their header declares.

import { closeSync, createReadStream, openSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { parseNpyHeader, type NpyHeader } from '../codecs/npy-header.ts'
import type { Dataset } from '../dataset.ts'
import { defaultScale, dtypeSize, swapBytes, viewAs, type Dtype, type SampleArray } from '../dtype.ts'
import { DataError } from '../errors.ts'
import { FileSamplesDataset } from '../file-samples.ts'
import { inflateSized, readExactly } from '../file-read.ts'
import type { ImportContext, ImportOptions } from '../format.ts'
import { checkLabels } from '../labels.ts'
import { PackedDataset } from '../packed.ts'
import { sampleLayout } from './npy-layout.ts'

const IN_MEMORY_LIMIT = 1 << 30
const LABELS_LIMIT = 256 << 20

/** an array in memory (data), or left on disk (fd + offset of its first element) */
export interface NpyArray {
  readonly file: string
  readonly header: NpyHeader
  readonly data?: SampleArray | BigInt64Array | BigUint64Array
  readonly fd?: number
  readonly offset?: number
}

/** where an array's bytes are: a whole .npy file, or a member of an .npz */
export interface NpySource { file: string; label: string; offset: number; length: number; deflated: boolean }

export async function readNpy(src: NpySource, ctx: ImportContext, limit = IN_MEMORY_LIMIT): Promise<NpyArray> {
  const parse = (head: Uint8Array) => {
    try { return parseNpyHeader(head) } catch (e) { throw new DataError(src.label, (e as Error).message) }
  }
  if (src.deflated) {
    const stream = createReadStream(src.file, { start: src.offset, end: src.offset + src.length - 1 })
    const { header, payload } = await inflateSized(stream, createInflateRaw(), parse, src.label, ctx, src.length)
    return { file: src.label, header, data: toNative(payload, header) }
  }
  const handle = await open(src.file, 'r')
  try {
    const first = new Uint8Array(Math.min(src.length, 12))
    await handle.read(first, 0, first.length, src.offset)
    const headLen = first.length < 10 ? first.length : 12 + (first[6] >= 2 ? new DataView(first.buffer).getUint32(8, true) : new DataView(first.buffer).getUint16(8, true))
    const head = new Uint8Array(Math.min(headLen, src.length))
    await handle.read(head, 0, head.length, src.offset)
    const header = parse(head)
    if (!header) throw new DataError(src.label, `ends inside its header (${src.length} bytes)`)
    const held = src.length - header.headerBytes
    if (held !== header.payloadBytes) {
      throw new DataError(src.label, `header declares shape (${header.shape.join(', ')}) of ${header.dtype} (${header.payloadBytes.toLocaleString('en')} bytes) but the file holds ${held.toLocaleString('en')} bytes of data`)
    }
    // a plain descriptor of its own: a FileHandle's fd would be closed under the dataset when the handle is collected
    if (header.payloadBytes > limit) return { file: src.label, header, fd: openSync(src.file, 'r'), offset: src.offset + header.headerBytes }
    const bytes = await readExactly(handle, src.offset + header.headerBytes, header.payloadBytes, ctx)
    return { file: src.label, header, data: toNative(bytes, header) }
  } finally {
    await handle.close()
  }
}

function toNative(bytes: Uint8Array, h: NpyHeader): NpyArray['data'] {
  if (h.dtype === 'i64' || h.dtype === 'u64') {
    if (!h.littleEndian) swapBytes(bytes, 8)
    const copy = bytes.byteOffset % 8 ? bytes.slice() : bytes
    return h.dtype === 'i64' ? new BigInt64Array(copy.buffer as ArrayBuffer, copy.byteOffset, copy.length / 8) : new BigUint64Array(copy.buffer as ArrayBuffer, copy.byteOffset, copy.length / 8)
  }
  if (!h.littleEndian) swapBytes(bytes, dtypeSize(h.dtype))
  return viewAs(h.dtype, bytes)
}

/** reads a label array: shape [N] or [N, 1] of integers (or integral floats) */
export async function readLabels(src: NpySource, ctx: ImportContext): Promise<Int32Array> {
  const arr = await readNpy(src, ctx, LABELS_LIMIT)
  if (arr.fd !== undefined) { closeSync(arr.fd); throw new DataError(src.label, 'is too large for a label array') }
  const { shape } = arr.header
  if (!(shape.length === 1 || (shape.length === 2 && shape[1] === 1))) {
    throw new DataError(src.label, `labels must be a 1-D array of class indices, found shape (${shape.join(', ')})${shape.length === 2 ? ' (one-hot? use argmax)' : ''}`)
  }
  const out = new Int32Array(shape[0])
  const data = arr.data!
  for (let i = 0; i < out.length; i++) {
    const v = Number(data[i])
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1) throw new DataError(src.label, `label ${v} at index ${i} is not a class index`)
    out[i] = v
  }
  return out
}

/** a dataset from a sample array and its labels (both already read) */
export function arraysToDataset(name: string, x: NpyArray, labels: Int32Array, labelsFile: string, options: ImportOptions): Dataset {
  const { shape, dtype, littleEndian } = x.header
  if (dtype === 'i64' || dtype === 'u64') throw new DataError(x.file, `${dtype === 'i64' ? 'int64' : 'uint64'} samples are not supported: convert with x.astype(np.float32)`)
  if (shape.length < 2) throw new DataError(x.file, `samples need shape (N, ...), found (${shape.join(', ')})`)
  if (shape[0] !== labels.length) throw new DataError(labelsFile, `holds ${labels.length} labels for the ${shape[0]} samples of ${x.file}`)
  let layout
  try { layout = sampleLayout(shape.slice(1), options.layout) } catch (e) { throw new DataError(x.file, (e as Error).message) }
  const classes = checkLabels(labels, labelsFile, options.classes)
  const scale = defaultScale(dtype as Dtype)
  if (x.data) return new PackedDataset(name, layout.inputShape, classes, { data: x.data as SampleArray, scale, channelsLast: layout.channelsLast }, labels)
  const { inputShape, channelsLast } = layout
  const scratch = new Float32Array(inputShape.reduce((a, b) => a * b, 1))
  const fixup = channelsLast ? (s: Float32Array) => {
    scratch.set(s)
    const c = inputShape[0], spatial = s.length / c
    for (let p = 0; p < spatial; p++) for (let ch = 0; ch < c; ch++) s[ch * spatial + p] = scratch[p * c + ch]
  } : undefined
  return new FileSamplesDataset(name, inputShape, classes, { fd: x.fd!, offset: x.offset!, dtype: dtype as Dtype, littleEndian, scale, fixup }, labels)
}
