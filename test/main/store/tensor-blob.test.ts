// Weights as BLOBs (RELIABILITY.md F5): random shapes with NaN, ±Inf, -0 and denormals round-trip
// bit-exactly through a real project file; the bytes are little-endian whatever the host; unaligned
// buffers decode; damaged blobs and shapes are refused as corrupt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore, StoreError } from '../../../main/store/index.ts'
import { decodeFloat32, decodeTensor, encodeFloat32, encodeTensor } from '../../../main/store/tensor-blob.ts'
import { tempDir, tinySpec } from './files.ts'

/** a small deterministic generator (mulberry32), so a failure can be replayed from its seed */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0, 1.4e-45, -1.4e-45, 1.1754942e-38, 3.4028235e38, -3.4028235e38]

function randomTensor(next: () => number) {
  const shape = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Math.floor(next() * 5))
  const n = shape.reduce((a, b) => a * b, 1)
  const bits = new Uint32Array(n)
  for (let i = 0; i < n; i++) bits[i] = (next() * 2 ** 32) >>> 0 // any bit pattern, NaN payloads included
  const data = new Float32Array(bits.buffer)
  for (let i = 0; i < n; i += 3) data[i] = SPECIAL[Math.floor(next() * SPECIAL.length)]
  return { shape, data }
}

const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length))

describe('tensor blobs', () => {
  it('are little-endian bytes', () => {
    expect([...encodeFloat32(new Float32Array([1, -2]))]).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0])
  })

  it('decode from a buffer at an odd offset into an aligned copy', () => {
    const bytes = new Uint8Array(9)
    bytes.set([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0], 1)
    const out = decodeFloat32(bytes.subarray(1))
    expect(Array.from(out)).toEqual([1, -2])
    expect(out.byteOffset).toBe(0)
  })

  it('round-trip random shapes and bit patterns exactly (200 cases)', () => {
    const next = rng(7)
    for (let i = 0; i < 200; i++) {
      const t = randomTensor(next)
      const { shape, data } = encodeTensor(t, 'case')
      const back = decodeTensor(shape, data, 'case')
      expect(back.shape, `case ${i}`).toEqual(t.shape)
      expect(bitsOf(back.data), `case ${i}`).toEqual(bitsOf(t.data))
    }
  })

  it.each([
    ['a length that is not whole floats', '[1]', new Uint8Array(5)],
    ['a shape that does not match', '[2,3]', new Uint8Array(4 * 5)],
    ['a negative dimension', '[-1,-4]', new Uint8Array(16)],
    ['a shape that is not JSON', '[2,', new Uint8Array(8)],
    ['a shape that is not a list', '{"0":2}', new Uint8Array(8)],
  ])('refuse %s as corrupt', (_what, shape, bytes) => {
    let err: unknown
    try { decodeTensor(shape, bytes, 'blob') } catch (e) { err = e }
    expect(err).toBeInstanceOf(StoreError)
    expect((err as StoreError).code).toBe('corrupt')
  })

  it('refuse to encode a shape that does not hold the data', () => {
    expect(() => encodeTensor({ shape: [3], data: new Float32Array(4) }, 'w')).toThrow(/does not hold 4 values/)
  })
})

describe('tensors in a project file', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir()))
  afterEach(() => cleanup())

  it('come back bit-exact from a checkpoint after the file is closed and reopened', () => {
    const path = `${dir}/blobs.receptive`
    const store = ProjectStore.create(path, { appVersion: 'test' })
    const run = store.runs.create({ name: 'r', spec: tinySpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 })
    const next = rng(11)
    const weights = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n${i}.w`, randomTensor(next)]))
    store.recordEvents([{ kind: 'checkpoint', runId: run, step: 5, epoch: 1, state: { lr: 0.1 }, weights, optimizer: {} }])
    store.close()
    const reopened = ProjectStore.open(path, { readonly: true })
    const back = reopened.checkpoints.latest(run)!
    reopened.close()
    for (const [key, t] of Object.entries(weights)) {
      expect(back.weights[key].shape, key).toEqual(t.shape)
      expect(bitsOf(back.weights[key].data), key).toEqual(bitsOf(t.data))
    }
  })
})
