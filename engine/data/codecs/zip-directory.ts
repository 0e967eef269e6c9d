// The central directory of a ZIP file (.npz is a ZIP of .npy members), read without extracting:
// each entry's name, method (stored or deflate), sizes and where its data starts, ZIP64 included.
// Nothing is written to disk, so path tricks in member names (zip slip) cannot reach the file system.

import type { FileHandle } from 'node:fs/promises'

export interface ZipEntry {
  readonly name: string
  /** 0 stored, 8 deflate */
  readonly method: number
  readonly compressedSize: number
  readonly size: number
  /** absolute offset of the member's data (after its local header) */
  readonly dataOffset: number
}

const MAX_ENTRIES = 10_000

async function read(h: FileHandle, pos: number, len: number): Promise<DataView> {
  const b = new Uint8Array(len)
  const { bytesRead } = await h.read(b, 0, len, pos)
  return new DataView(b.buffer, 0, bytesRead)
}

/** lists a ZIP's members; throws a reason string when the file is not a readable ZIP */
export async function readZipDirectory(h: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLen = Math.min(fileSize, 22 + 0xffff)
  const tail = await read(h, fileSize - tailLen, tailLen)
  let eocd = -1
  for (let i = tail.byteLength - 22; i >= 0; i--) if (tail.getUint32(i, true) === 0x06054b50) { eocd = i; break }
  if (eocd < 0) throw new Error('not a ZIP archive (no end-of-central-directory record)')
  let count = tail.getUint16(eocd + 10, true)
  let dirSize = tail.getUint32(eocd + 12, true)
  let dirOffset = tail.getUint32(eocd + 16, true)
  if (dirOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: a locator just before the EOCD points at the ZIP64 EOCD record
    const loc = eocd - 20
    if (loc < 0 || tail.getUint32(loc, true) !== 0x07064b50) throw new Error('ZIP64 locator missing')
    const rec = await read(h, Number(tail.getBigUint64(loc + 8, true)), 56)
    if (rec.getUint32(0, true) !== 0x06064b50) throw new Error('ZIP64 end record missing')
    count = Number(rec.getBigUint64(32, true))
    dirSize = Number(rec.getBigUint64(40, true))
    dirOffset = Number(rec.getBigUint64(48, true))
  }
  if (count > MAX_ENTRIES) throw new Error(`ZIP holds ${count} members, more than ${MAX_ENTRIES}`)
  if (dirOffset + dirSize > fileSize) throw new Error('ZIP central directory lies past the end of the file (truncated?)')
  const dir = await read(h, dirOffset, dirSize)
  const entries: ZipEntry[] = []
  for (let p = 0, k = 0; k < count; k++) {
    if (p + 46 > dir.byteLength || dir.getUint32(p, true) !== 0x02014b50) throw new Error('corrupt ZIP central directory')
    const method = dir.getUint16(p + 10, true)
    let compressedSize = dir.getUint32(p + 20, true)
    let size = dir.getUint32(p + 24, true)
    const nameLen = dir.getUint16(p + 28, true), extraLen = dir.getUint16(p + 30, true), commentLen = dir.getUint16(p + 32, true)
    let local = dir.getUint32(p + 42, true)
    const name = new TextDecoder().decode(new Uint8Array(dir.buffer, p + 46, nameLen))
    // ZIP64 extra field (id 1) holds the 64-bit values whose 32-bit slots are saturated, in this order
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = dir.getUint16(e, true), len = dir.getUint16(e + 2, true)
      if (id === 1) {
        let q = e + 4
        if (size === 0xffffffff) { size = Number(dir.getBigUint64(q, true)); q += 8 }
        if (compressedSize === 0xffffffff) { compressedSize = Number(dir.getBigUint64(q, true)); q += 8 }
        if (local === 0xffffffff) local = Number(dir.getBigUint64(q, true))
      }
      e += 4 + len
    }
    const lh = await read(h, local, 30)
    if (lh.byteLength < 30 || lh.getUint32(0, true) !== 0x04034b50) throw new Error(`member ${name}: local header missing`)
    const dataOffset = local + 30 + lh.getUint16(26, true) + lh.getUint16(28, true)
    if (dataOffset + compressedSize > fileSize) throw new Error(`member ${name} runs past the end of the file (truncated?)`)
    entries.push({ name, method, compressedSize, size, dataOffset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}
