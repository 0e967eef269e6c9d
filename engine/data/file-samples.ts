// A Dataset that reads each sample from disk when asked (one positioned read per sample), for raw
// IDX and .npy files too large to load: memory stays flat however big the file is (RELIABILITY G3).
// Holds an open file descriptor: call close() when done.

import { closeSync, readSync } from 'node:fs'
import type { Dataset } from './dataset.ts'
import { dtypeSize, type Dtype } from './dtype.ts'

const readers: Record<Dtype, (v: DataView, o: number, le: boolean) => number> = {
  u8: (v, o) => v.getUint8(o), i8: (v, o) => v.getInt8(o),
  u16: (v, o, le) => v.getUint16(o, le), i16: (v, o, le) => v.getInt16(o, le),
  u32: (v, o, le) => v.getUint32(o, le), i32: (v, o, le) => v.getInt32(o, le),
  f32: (v, o, le) => v.getFloat32(o, le), f64: (v, o, le) => v.getFloat64(o, le),
}

/** where samples sit in the file and how to decode them */
export interface FileLayout {
  readonly fd: number
  /** byte offset of sample 0 */
  readonly offset: number
  readonly dtype: Dtype
  readonly littleEndian: boolean
  readonly scale: number
  /** called on each sample after decoding, before it is returned (e.g. a transpose) */
  readonly fixup?: (sample: Float32Array) => void
}

export class FileSamplesDataset implements Dataset {
  readonly length: number
  private readonly bytes: Uint8Array
  private readonly view: DataView
  private readonly sampleSize: number

  constructor(
    readonly name: string,
    readonly inputShape: readonly number[],
    readonly classes: readonly string[],
    private readonly layout: FileLayout,
    readonly labels: Int32Array,
  ) {
    this.length = labels.length
    this.sampleSize = inputShape.reduce((a, b) => a * b, 1)
    this.bytes = new Uint8Array(this.sampleSize * dtypeSize(layout.dtype))
    this.view = new DataView(this.bytes.buffer)
  }

  label(i: number): number { return this.labels[i] }

  read(i: number, out: Float32Array, offset: number): void {
    const { fd, dtype, littleEndian, scale, fixup } = this.layout
    const n = this.bytes.length
    const got = readSync(fd, this.bytes, 0, n, this.layout.offset + i * n)
    if (got !== n) throw new Error(`${this.name}: sample ${i} could not be read (file shrank?)`)
    const get = readers[dtype]
    const size = dtypeSize(dtype)
    for (let k = 0; k < this.sampleSize; k++) out[offset + k] = get(this.view, k * size, littleEndian) * scale
    fixup?.(out.subarray(offset, offset + this.sampleSize))
  }

  close(): void { closeSync(this.layout.fd) }
}
