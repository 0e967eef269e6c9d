// Learned filters as one picture per kernel group, with the normalisation the user picks: each filter
// stretched over its own range, the whole layer over the layer's range, or symmetric around zero (0 is
// mid grey, the layer's largest magnitude black or white). RGB first layers draw each filter in colour;
// deeper layers draw each filter as a row of tiles, one per input channel. Filters wrap into a roughly
// square picture; tiles are separated by one transparent pixel, filters of several tiles by two.

import type { FilterSetWire } from '../../preload/contract.ts'
import { blank, type Picture } from './pixels.ts'

export type Normalization = 'filter' | 'layer' | 'symmetric'

export const NORMALIZATIONS: { id: Normalization; label: string }[] = [
  { id: 'filter', label: 'per filter' },
  { id: 'layer', label: 'per layer' },
  { id: 'symmetric', label: 'symmetric around zero' },
]

export interface Group { filters: number; channels: number; height: number; width: number; values: Float32Array }

interface Range { lo: number; hi: number }

/** the smallest and largest of values[from..to) */
export function rangeOf(values: ArrayLike<number>, from = 0, to = values.length): Range {
  let lo = Infinity
  let hi = -Infinity
  for (let i = from; i < to; i++) {
    if (values[i] < lo) lo = values[i]
    if (values[i] > hi) hi = values[i]
  }
  return { lo, hi }
}

/** the range every group of a layer shares (per layer and symmetric normalisation) */
export function layerRange(groups: Group[], mode: Normalization): Range {
  const r = groups.map((g) => rangeOf(g.values)).reduce((a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }), { lo: Infinity, hi: -Infinity })
  if (mode !== 'symmetric') return r
  const m = Math.max(Math.abs(r.lo), Math.abs(r.hi))
  return { lo: -m, hi: m }
}

/** a value's grey level in a range; a flat range is mid grey */
export const level = (v: number, { lo, hi }: Range): number => (hi > lo ? Math.round(((v - lo) / (hi - lo)) * 255) : 128)

/** one group of filters as a picture; `shared` is the layer's range for 'layer' and 'symmetric' */
export function filterPicture(g: Group, rgb: boolean, mode: Normalization, shared: Range): Picture {
  const { filters: f, channels: c, height: h, width: w, values } = g
  const tilesPerFilter = rgb ? 1 : c
  // filters of several tiles are set two pixels apart, so they stand out from their channel tiles
  const blockWidth = tilesPerFilter * (w + 1) + (tilesPerFilter > 1 ? 1 : 0)
  // as many filters side by side as make the picture roughly square
  const perRow = Math.min(f, Math.max(1, Math.ceil(Math.sqrt((f * (h + 1)) / blockWidth))))
  const rows = Math.ceil(f / perRow)
  const pic = blank(perRow * blockWidth - (tilesPerFilter > 1 ? 2 : 1), rows * (h + 1) - 1)
  const size = c * h * w
  for (let k = 0; k < f; k++) {
    const range = mode === 'filter' ? rangeOf(values, k * size, (k + 1) * size) : shared
    const top = Math.floor(k / perRow) * (h + 1)
    const left0 = (k % perRow) * blockWidth
    for (let t = 0; t < tilesPerFilter; t++) {
      const left = left0 + t * (w + 1)
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const p = ((top + y) * pic.width + left + x) * 4
          for (let ch = 0; ch < 3; ch++) pic.pixels[p + ch] = level(values[k * size + ((rgb ? ch : t) * h + y) * w + x], range)
          pic.pixels[p + 3] = 255
        }
      }
    }
  }
  return pic
}

/** a layer's groups as pictures, with values decoded from the wire */
export function layerPictures(set: FilterSetWire, decode: (b64: string) => Float32Array, mode: Normalization): { label: string; picture: Picture }[] {
  const groups = set.groups.map((g) => ({ ...g, values: decode(g.values) }))
  const shared = layerRange(groups, mode)
  return groups.map((g) => ({ label: g.label, picture: filterPicture(g, set.rgb, mode, shared) }))
}
