// Element types of stored samples (IDX, NumPy, CIFAR bytes) and the few byte-level moves they need:
// element size, a typed-array view over raw bytes, and in-place byte swapping for big-endian files.

export type Dtype = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64'

export type SampleArray =
  | Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array

const ctors = {
  u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array,
  u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array,
} as const

export const dtypeSize = (d: Dtype): number => ctors[d].BYTES_PER_ELEMENT

export function dtypeOf(a: SampleArray): Dtype {
  for (const [name, ctor] of Object.entries(ctors)) if (a instanceof ctor) return name as Dtype
  throw new Error('unknown sample array type')
}

/** allocates n elements of dtype */
export const allocSamples = (d: Dtype, n: number): SampleArray => new ctors[d](n)

/** a typed view over little-endian bytes; copies only when the bytes are not aligned */
export function viewAs(d: Dtype, bytes: Uint8Array): SampleArray {
  const size = dtypeSize(d)
  if (bytes.byteOffset % size !== 0) bytes = bytes.slice()
  return new ctors[d](bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / size)
}

/** reverses the byte order of every element in place (big-endian → little-endian) */
export function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 1) return
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) { const t = bytes[a]; bytes[a] = bytes[b]; bytes[b] = t }
  }
}

/** the conventional scale for stored values: 8-bit unsigned pixels become [0, 1] */
export const defaultScale = (d: Dtype): number => (d === 'u8' ? 1 / 255 : 1)
