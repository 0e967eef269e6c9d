// Reads an image's kind, size and colour model from its first bytes, before any pixel is decoded:
// import plans the target size and channel count from these, rejects non-images early, and refuses
// decompression bombs (a 20000×20000 header) before allocating anything (RELIABILITY G8).

export interface ImageHeader {
  readonly kind: 'png' | 'jpeg'
  readonly width: number
  readonly height: number
  /** stored without colour (PNG grey / grey+alpha, one-component JPEG) */
  readonly grey: boolean
}

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const OTHERS: [string, number[]][] = [
  ['GIF', [0x47, 0x49, 0x46, 0x38]], ['BMP', [0x42, 0x4d]], ['TIFF', [0x49, 0x49, 0x2a, 0x00]], ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
]
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x)

/**
 * the header of a PNG or JPEG; undefined when `head` ends before the JPEG frame header (read more);
 * throws a reason string for anything else
 */
export function sniffImage(head: Uint8Array): ImageHeader | undefined {
  if (startsWith(head, PNG_SIG)) {
    if (head.length < 26) throw new Error('truncated PNG (ends inside its header)')
    const v = new DataView(head.buffer, head.byteOffset, head.length)
    if (String.fromCharCode(...head.subarray(12, 16)) !== 'IHDR') throw new Error('corrupt PNG (no IHDR chunk first)')
    const colorType = head[25]
    return { kind: 'png', width: v.getUint32(16), height: v.getUint32(20), grey: colorType === 0 || colorType === 4 }
  }
  if (head[0] === 0xff && head[1] === 0xd8) return sniffJpeg(head)
  for (const [name, sig] of OTHERS) if (startsWith(head, sig)) throw new Error(`is a ${name} image; only PNG and JPEG are read`)
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP') throw new Error('is a WebP image; only PNG and JPEG are read')
  throw new Error('is not a PNG or JPEG image')
}

/** walks JPEG marker segments to the start-of-frame (SOFn) that holds size and component count */
function sniffJpeg(b: Uint8Array): ImageHeader | undefined {
  let p = 2
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) throw new Error('corrupt JPEG (marker expected)')
    const marker = b[p + 1]
    if (marker === 0xff) { p++; continue } // fill byte
    if (marker === 0xd9 || marker === 0xda) throw new Error('corrupt JPEG (no frame header before the image data)')
    const len = (b[p + 2] << 8) | b[p + 3]
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (sof) {
      if (p + 10 > b.length) return undefined
      const height = (b[p + 5] << 8) | b[p + 6], width = (b[p + 7] << 8) | b[p + 8]
      return { kind: 'jpeg', width, height, grey: b[p + 9] === 1 }
    }
    p += 2 + len
  }
  return undefined
}
