// RIFF/WAVE files: the fmt chunk (PCM 8/16/24/32-bit, IEEE float 32/64, or WAVE_FORMAT_EXTENSIBLE
// wrapping either) and the data chunk, decoded to one float channel in [-1, 1] (channels averaged).

export interface WavHeader {
  readonly float: boolean
  readonly bits: number
  readonly channels: number
  readonly sampleRate: number
  /** samples per channel, as the data chunk declares */
  readonly frames: number
  readonly dataOffset: number
  readonly dataBytes: number
}

const tag = (b: Uint8Array, p: number) => String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3])

/** the header, or undefined when `head` ends before the data chunk starts; throws a reason string */
export function sniffWav(head: Uint8Array): WavHeader | undefined {
  if (head.length < 12) throw new Error('truncated WAV (ends inside its header)')
  if (tag(head, 0) !== 'RIFF' || tag(head, 8) !== 'WAVE') throw new Error('is not a WAV file (no RIFF/WAVE header)')
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength)
  let fmt: Omit<WavHeader, 'frames' | 'dataOffset' | 'dataBytes'> | undefined
  for (let p = 12; p + 8 <= head.length;) {
    const id = tag(head, p), size = v.getUint32(p + 4, true)
    if (id === 'fmt ') {
      if (p + 24 > head.length) return undefined
      let code = v.getUint16(p + 8, true)
      if (code === 0xfffe && p + 34 <= head.length) code = v.getUint16(p + 32, true) // extensible: sub-format GUID starts with the code
      const bits = v.getUint16(p + 22, true)
      const float = code === 3
      if (!(code === 1 && [8, 16, 24, 32].includes(bits)) && !(float && (bits === 32 || bits === 64))) {
        throw new Error(`unsupported WAV encoding (format code ${code}, ${bits}-bit); use PCM or IEEE float`)
      }
      fmt = { float, bits, channels: v.getUint16(p + 10, true), sampleRate: v.getUint32(p + 12, true) }
      if (!fmt.channels || !fmt.sampleRate) throw new Error('corrupt WAV fmt chunk (no channels or zero sample rate)')
    } else if (id === 'data') {
      if (!fmt) throw new Error('corrupt WAV (data chunk before fmt chunk)')
      const frame = (fmt.bits / 8) * fmt.channels
      return { ...fmt, frames: Math.floor(size / frame), dataOffset: p + 8, dataBytes: size }
    }
    p += 8 + size + (size & 1)
  }
  return undefined
}

/** decodes the data chunk to mono float samples; throws a reason string when the file is truncated */
export function decodeWav(bytes: Uint8Array, h: WavHeader): Float32Array {
  const held = bytes.length - h.dataOffset
  if (held < h.dataBytes) throw new Error(`truncated WAV: data chunk declares ${h.dataBytes} bytes, the file holds ${Math.max(0, held)}`)
  const v = new DataView(bytes.buffer, bytes.byteOffset + h.dataOffset, h.dataBytes)
  const step = h.bits / 8
  const read = h.float
    ? (h.bits === 32 ? (o: number) => v.getFloat32(o, true) : (o: number) => v.getFloat64(o, true))
    : h.bits === 8 ? (o: number) => (v.getUint8(o) - 128) / 128
      : h.bits === 16 ? (o: number) => v.getInt16(o, true) / 32768
        : h.bits === 24 ? (o: number) => ((v.getUint8(o) | (v.getUint8(o + 1) << 8) | (v.getInt8(o + 2) << 16))) / 8388608
          : (o: number) => v.getInt32(o, true) / 2147483648
  const out = new Float32Array(h.frames)
  for (let f = 0, o = 0; f < h.frames; f++) {
    let acc = 0
    for (let c = 0; c < h.channels; c++, o += step) acc += read(o)
    out[f] = acc / h.channels
  }
  return out
}
