// Recycles large CPU arrays. Fresh memory costs page faults and zeroing on first touch (about 0.6 ms per MB
// here), and a training step allocates tens of MB of same-sized temporaries. Arrays return to the pool when
// their buffer is disposed and are handed out again for the same type and length; contents are stale, which
// kernels allow (they overwrite their outputs). Not on garbage collection: a FinalizationRegistry fires only
// after a full GC, which shared memory does not trigger, so held arrays piled up.
import type { TypedArray } from '../backend.ts'

/** arrays smaller than this are cheap to allocate and not pooled (a fresh SharedArrayBuffer of 4 KiB costs about
 *  2 µs here, of 64 KiB 8 µs, and a LeNet step allocates dozens in between) */
const MIN_BYTES = 4 * 1024
/** most bytes held idle in the pool */
const MAX_POOLED_BYTES = 256 * 1024 * 1024

const idle = new Map<string, TypedArray[]>()
let pooledBytes = 0

const keyOf = (kind: string, n: number) => `${kind}:${n}`
const kindOf = (a: TypedArray) => (a instanceof Int32Array ? 'i32' : a instanceof Float64Array ? 'f64' : 'f32')

/** an idle array of this kind and length, or undefined */
export function take(kind: 'i32' | 'f32' | 'f64', n: number): TypedArray | undefined {
  const list = idle.get(keyOf(kind, n))
  const a = list?.pop()
  if (a) pooledBytes -= a.byteLength
  return a
}

export function give(a: TypedArray): void {
  if (a.byteLength < MIN_BYTES || pooledBytes + a.byteLength > MAX_POOLED_BYTES) return
  const key = keyOf(kindOf(a), a.length)
  const list = idle.get(key) ?? []
  list.push(a)
  idle.set(key, list)
  pooledBytes += a.byteLength
}

export const pooledSize = (): number => pooledBytes
