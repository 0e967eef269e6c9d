// Float32 tensors as BLOBs: raw little-endian bytes, shape kept beside them as JSON. SQLite makes its own
// numbers portable but not blob bytes, so the byte order is fixed here; reads always copy into a fresh,
// aligned Float32Array (a Buffer from better-sqlite3 may sit at any byteOffset of a shared pool).

import { endianness } from 'node:os'
import { StoreError } from './store-error.ts'
import type { StoredTensor } from './types.ts'

const littleEndianHost = endianness() === 'LE'

/** checks a shape against a value count: non-negative integer dims whose product is `length` */
export function checkShape(shape: readonly number[], length: number, what: string): void {
  const ok = Array.isArray(shape) && shape.every(d => Number.isInteger(d) && d >= 0)
  if (!ok || shape.reduce((a, b) => a * b, 1) !== length) {
    throw new StoreError('bad-request', `${what}: shape [${String(shape)}] does not hold ${length} values`)
  }
}

export function encodeTensor(t: StoredTensor, what: string): { shape: string; data: Buffer } {
  if (!(t.data instanceof Float32Array)) throw new StoreError('bad-request', `${what}: data is not a Float32Array`)
  checkShape(t.shape, t.data.length, what)
  return { shape: JSON.stringify(t.shape), data: encodeFloat32(t.data) }
}

export function encodeFloat32(values: Float32Array): Buffer {
  if (littleEndianHost) return Buffer.from(values.buffer, values.byteOffset, values.byteLength)
  const out = Buffer.alloc(values.byteLength)
  for (let i = 0; i < values.length; i++) out.writeFloatLE(values[i], i * 4)
  return out
}

/** the inverse of encodeTensor for bytes read from a file that may have been tampered with */
export function decodeTensor(shapeJson: string, bytes: Uint8Array, what: string): StoredTensor {
  let shape: unknown
  try { shape = JSON.parse(shapeJson) } catch { shape = null }
  if (bytes.byteLength % 4 !== 0 || !Array.isArray(shape)) {
    throw new StoreError('corrupt', `${what} is damaged: ${bytes.byteLength} bytes with shape ${shapeJson}`)
  }
  const data = decodeFloat32(bytes)
  try { checkShape(shape as number[], data.length, what) } catch (err) {
    throw new StoreError('corrupt', `${what} is damaged: ${(err as Error).message}`)
  }
  return { shape: shape as number[], data }
}

export function decodeFloat32(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength >>> 2)
  if (littleEndianHost) {
    new Uint8Array(out.buffer).set(bytes.subarray(0, out.byteLength))
    return out
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  return out
}
