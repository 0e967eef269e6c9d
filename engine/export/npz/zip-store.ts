// A ZIP archive with stored (uncompressed) members, the container of NumPy's .npz: local headers, data,
// the central directory and its end record, with each member's CRC-32. Float weights barely deflate,
// so compression would cost time for little. Members and the archive must stay under 4 GiB (no ZIP64).

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

// 1980-01-01 00:00 in MS-DOS form: a fixed stamp keeps the archive byte-for-byte reproducible
const DOS_DATE = (0 << 9) | (1 << 5) | 1

export interface ZipMember { name: string; data: Uint8Array }

export function zipStore(members: readonly ZipMember[]): Uint8Array {
  const text = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const m of members) {
    const name = text.encode(m.name)
    const crc = crc32(m.data)
    if (m.data.length >= 0xffffffff) throw new Error(`zip: ${m.name} is too large for an archive without ZIP64`)
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    local.setUint16(4, 20, true) // version needed: 2.0
    local.setUint16(8, 0, true) // method: stored
    local.setUint16(12, DOS_DATE, true)
    local.setUint32(14, crc, true)
    local.setUint32(18, m.data.length, true)
    local.setUint32(22, m.data.length, true)
    local.setUint16(26, name.length, true)
    const entry = new DataView(new ArrayBuffer(46))
    entry.setUint32(0, 0x02014b50, true)
    entry.setUint16(4, 20, true)
    entry.setUint16(6, 20, true)
    entry.setUint16(14, DOS_DATE, true)
    entry.setUint32(16, crc, true)
    entry.setUint32(20, m.data.length, true)
    entry.setUint32(24, m.data.length, true)
    entry.setUint16(28, name.length, true)
    entry.setUint32(42, offset, true)
    parts.push(new Uint8Array(local.buffer), name, m.data)
    central.push(new Uint8Array(entry.buffer), name)
    offset += 30 + name.length + m.data.length
  }
  const directorySize = central.reduce((n, b) => n + b.length, 0)
  if (offset + directorySize >= 0xffffffff) throw new Error('zip: the archive is too large without ZIP64')
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, members.length, true)
  end.setUint16(10, members.length, true)
  end.setUint32(12, directorySize, true)
  end.setUint32(16, offset, true)
  const all = [...parts, ...central, new Uint8Array(end.buffer)]
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0))
  let at = 0
  for (const b of all) {
    out.set(b, at)
    at += b.length
  }
  return out
}
