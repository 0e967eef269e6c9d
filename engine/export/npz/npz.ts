// Weights as NumPy's .npz: one float32 .npy member per tensor, named "<nodeId>.<name>", so
// `np.load(path)["conv1.weight"]` gives the array in the engine's layout (channels first). No pickle:
// every member is a plain little-endian array that np.load reads with allow_pickle=False.

import type { Weights } from '../prepare.ts'
import { zipStore } from './zip-store.ts'

/** an .npy v1.0 file: magic, header dict padded so the data starts on a 64-byte boundary, then values */
export function encodeNpy(shape: readonly number[], data: Float32Array): Uint8Array {
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${dims}, }`
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n'
  const out = new Uint8Array(10 + header.length + data.byteLength)
  out.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0])
  new DataView(out.buffer).setUint16(8, header.length, true)
  out.set(new TextEncoder().encode(header), 10)
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length)
  return out
}

/** every tensor, in name order so the same weights always give the same bytes */
export function encodeNpz(weights: Weights): Uint8Array {
  return zipStore(Object.keys(weights).sort().map((key) => ({ name: `${key}.npy`, data: encodeNpy(weights[key].shape, weights[key].data) })))
}
