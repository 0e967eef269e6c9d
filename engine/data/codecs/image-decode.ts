// Decodes a PNG (pngjs) or JPEG (jpeg-js) into planar float pixels [c, h, w] in 0…255 with the
// channel count the dataset uses: colour → grey by ITU-R 601 luma (as Pillow's "L"), grey → RGB by
// repetition, RGBA → RGB by dropping alpha (as Pillow's convert("RGB")). 16-bit PNGs are scaled to 8-bit.

import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import type { ImageHeader } from './image-header.ts'

export interface Planar { readonly data: Float32Array; readonly channels: number; readonly width: number; readonly height: number }

/** decodes to planar pixels with `channels` (1 or 3); throws a reason string on a corrupt or truncated file */
export function decodeImage(bytes: Uint8Array, header: ImageHeader, channels: 1 | 3, maxPixels: number): Planar {
  let rgba: Uint8Array, stride: number, width: number, height: number
  if (header.kind === 'png') {
    let png
    try { png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) } catch (e) {
      throw new Error(`truncated or corrupt PNG (${(e as Error).message})`)
    }
    ;({ width, height } = png)
    rgba = png.data; stride = 4
  } else {
    let img
    try {
      img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false,
        maxResolutionInMP: Math.ceil(maxPixels / 1e6), maxMemoryUsageInMB: 1024 })
    } catch (e) {
      throw new Error(`truncated or corrupt JPEG (${(e as Error).message})`)
    }
    ;({ width, height } = img)
    rgba = img.data; stride = 3
  }
  const n = width * height
  const data = new Float32Array(channels * n)
  if (channels === 1) {
    for (let i = 0, s = 0; i < n; i++, s += stride) data[i] = 0.299 * rgba[s] + 0.587 * rgba[s + 1] + 0.114 * rgba[s + 2]
  } else {
    for (let i = 0, s = 0; i < n; i++, s += stride) { data[i] = rgba[s]; data[n + i] = rgba[s + 1]; data[2 * n + i] = rgba[s + 2] }
  }
  return { data, channels, width, height }
}
