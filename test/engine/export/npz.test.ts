// The .npz writer read back by the engine's own NumPy and ZIP readers (written independently for dataset
// import): every member is a float32 .npy named "<node>.<param>.npy" with the tensor's shape and values,
// stored uncompressed, its data 64-byte aligned. CRC-32 against the standard check value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseNpyHeader } from '../../../engine/data/codecs/npy-header.ts'
import { readZipDirectory } from '../../../engine/data/codecs/zip-directory.ts'
import { encodeNpy, encodeNpz } from '../../../engine/export/npz/npz.ts'
import { crc32 } from '../../../engine/export/npz/zip-store.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'
import { exportCase } from './export-models.ts'

const dir = mkdtempSync(join(tmpdir(), 'receptive-npz-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npz writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
  })

  it('writes .npy headers NumPy reads, data aligned to 64 bytes', () => {
    for (const shape of [[], [5], [2, 3], [4, 1, 2, 2]]) {
      const n = shape.reduce((a, b) => a * b, 1)
      const bytes = encodeNpy(shape, Float32Array.from({ length: n }, (_, i) => i / 2))
      const h = parseNpyHeader(bytes)!
      expect({ dtype: h.dtype, le: h.littleEndian, shape: h.shape }).toEqual({ dtype: 'f32', le: true, shape })
      expect(h.headerBytes % 64).toBe(0)
      expect(Array.from(new Float32Array(bytes.slice(h.headerBytes).buffer))).toEqual(Array.from({ length: n }, (_, i) => i / 2))
    }
  })

  it('holds every parameter of a model by name, readable by a ZIP reader', async () => {
    const { weights } = await exportCase(TEMPLATES.audio1d.spec())
    const bytes = encodeNpz(weights)
    const path = join(dir, 'weights.npz')
    writeFileSync(path, bytes)
    const h = await open(path, 'r')
    try {
      const entries = await readZipDirectory(h, bytes.length)
      expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(weights).map((k) => `${k}.npy`).sort())
      for (const e of entries) {
        expect(e.method).toBe(0)
        const member = bytes.subarray(e.dataOffset, e.dataOffset + e.size)
        const header = parseNpyHeader(member)!
        const w = weights[e.name.slice(0, -4)]
        expect(header.shape).toEqual(w.shape)
        expect(crc32(member)).toBe(new DataView(bytes.buffer).getUint32(e.dataOffset - 30 - e.name.length + 14, true))
        expect(new Float32Array(member.slice(header.headerBytes).buffer)).toEqual(w.data)
      }
    } finally {
      await h.close()
    }
  })
})
