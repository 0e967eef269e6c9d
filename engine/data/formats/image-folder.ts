// An image folder: one subfolder per class (optionally under train/ and test/), PNG and JPEG files,
// grey or colour. Every image is brought to one size [h, w] by a stated policy:
//   stretch (default) — scale each axis independently to the target;
//   fit  — keep the aspect ratio, scale to fit inside, pad the rest with black (letterbox);
//   fill — keep the aspect ratio, scale to cover, crop the overflow from the centre;
//   none — no resizing: an image of another size is a bad file.
// Samples are stored as 8-bit [c, h, w] (read back in [0, 1]).

import { sniffImage, type ImageHeader } from '../codecs/image-header.ts'
import { decodeImage } from '../codecs/image-decode.ts'
import { resizePlanar, type Rect } from '../codecs/resample.ts'
import type { DataFormat, ImportOptions, ResizePolicy } from '../format.ts'
import { importClassFolders, type FolderCodec, type FolderPlan } from '../folders/folder-import.ts'

const MAX_PIXELS = 50_000_000

/** where the source lands in the target under a policy: source rectangle → target rectangle */
export function placement(policy: ResizePolicy, w: number, h: number, ow: number, oh: number): { from: Rect; to: Rect } {
  const full = (W: number, H: number): Rect => ({ x: 0, y: 0, w: W, h: H })
  if (policy === 'fill') {
    const s = Math.max(ow / w, oh / h)
    const cw = ow / s, chh = oh / s
    return { from: { x: (w - cw) / 2, y: (h - chh) / 2, w: cw, h: chh }, to: full(ow, oh) }
  }
  if (policy === 'fit') {
    const s = Math.min(ow / w, oh / h)
    const tw = Math.max(1, Math.round(w * s)), th = Math.max(1, Math.round(h * s))
    return { from: full(w, h), to: { x: Math.floor((ow - tw) / 2), y: Math.floor((oh - th) / 2), w: tw, h: th } }
  }
  return { from: full(w, h), to: full(ow, oh) }
}

/** the most common value of key(x), ties to the larger */
function mode<T>(xs: T[], key: (x: T) => string): string {
  const counts = new Map<string, number>()
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0], 'en', { numeric: true }))[0][0]
}

const imageCodec: FolderCodec<ImageHeader> = {
  format: 'image-folder',
  noun: 'images',
  sniff: sniffImage,
  plan(headers, options: ImportOptions): FolderPlan<ImageHeader> {
    const policy = options.resize ?? 'stretch'
    const maxPixels = options.maxPixels ?? MAX_PIXELS
    const [oh, ow] = options.size ?? mode(headers, (h) => `${h.height}x${h.width}`).split('x').map(Number)
    const channels = options.channels ?? (headers.every((h) => h.grey) ? 1 : 3)
    const other = headers.filter((h) => h.width !== ow || h.height !== oh).length
    const notes = [`${channels === 1 ? 'grey' : 'RGB'} ${oh}×${ow}`]
    if (other && policy !== 'none') notes.push(`${other} ${other === 1 ? 'image' : 'images'} of another size resized (policy ${policy})`)
    return {
      inputShape: [channels, oh, ow], dtype: 'u8', scale: 1 / 255, notes,
      reject(h) {
        if (h.width * h.height > maxPixels) return `image is ${h.width}×${h.height}, more than the limit of ${maxPixels.toLocaleString('en')} pixels`
        if (h.width === 0 || h.height === 0) return 'image has no pixels'
        if (policy === 'none' && (h.width !== ow || h.height !== oh)) return `image is ${h.width}×${h.height}, expected ${ow}×${oh} (resizing is off)`
        return undefined
      },
      decode(bytes, h, out) {
        const img = decodeImage(bytes, h, channels, maxPixels)
        let pixels = img.data
        if (img.width !== ow || img.height !== oh) {
          const { from, to } = placement(policy, img.width, img.height, ow, oh)
          pixels = new Float32Array(channels * oh * ow)
          resizePlanar(img.data, channels, img.height, img.width, from, pixels, oh, ow, to)
        }
        for (let k = 0; k < pixels.length; k++) out[k] = Math.min(255, Math.max(0, Math.round(pixels[k])))
      },
    }
  },
}

const IMAGE = (b: Uint8Array) => (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8)

export const imageFolderFormat: DataFormat = {
  id: 'image-folder',
  name: 'image folder (one subfolder per class)',
  cache: true,
  async match(p) {
    return p.kind === 'dir' && (await p.sampleHeads(16)).some(IMAGE)
  },
  open: (path, options, ctx) => importClassFolders(path, imageCodec, options, ctx),
}
