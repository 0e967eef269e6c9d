// What the Data panel's preview grid shows: a few samples of each class as small 8-bit images
// (2D samples as they are, 3D volumes by their middle slice) or as signals (1D), ready to draw on
// a canvas or plot. Values in [0, 1] map to 0…255; anything else (normalised, float) is stretched
// from its own minimum to maximum so every sample stays visible.

import type { Dataset } from './dataset.ts'

export type PreviewSample =
  | { kind: 'image'; index: number; width: number; height: number; channels: 1 | 3; pixels: Uint8Array }
  | { kind: 'signal'; index: number; values: Float32Array }

export interface PreviewClass { readonly name: string; readonly count: number; readonly samples: PreviewSample[] }

/** 8-bit image from one plane per channel (1 or 3 of them), pixel-interleaved like ImageData without alpha */
function toImage(planes: Float32Array[], width: number, height: number, index: number): PreviewSample {
  let lo = Infinity, hi = -Infinity
  for (const p of planes) for (const v of p) { if (v < lo) lo = v; if (v > hi) hi = v }
  const unit = lo >= 0 && hi <= 1
  const [offset, scale] = unit ? [0, 255] : [lo, hi > lo ? 255 / (hi - lo) : 0]
  const channels = planes.length as 1 | 3
  const pixels = new Uint8Array(width * height * channels)
  for (let c = 0; c < channels; c++) {
    const p = planes[c]
    for (let k = 0; k < p.length; k++) pixels[k * channels + c] = Math.round((p[k] - offset) * scale)
  }
  return { kind: 'image', index, width, height, channels, pixels }
}

/** one sample in a drawable form */
export function previewSample(ds: Dataset, index: number): PreviewSample {
  const [c, ...spatial] = ds.inputShape
  const sample = new Float32Array(ds.inputShape.reduce((a, b) => a * b, 1))
  ds.read(index, sample, 0)
  if (spatial.length === 1) return { kind: 'signal', index, values: sample.subarray(0, spatial[0]) }
  const [h, w] = spatial.slice(-2)
  const depth = spatial.length === 3 ? spatial[0] : 1
  const plane = (ch: number) => {
    // a volume shows its middle slice along the first spatial axis
    const start = (ch * depth + Math.floor(depth / 2)) * h * w
    return sample.subarray(start, start + h * w)
  }
  return toImage(c === 3 ? [plane(0), plane(1), plane(2)] : [plane(0)], w, h, index)
}

/** up to `perClass` samples of every class (the first ones in index order), with each class's size */
export function previewGrid(ds: Dataset, perClass: number): PreviewClass[] {
  const picked: number[][] = ds.classes.map(() => [])
  const counts = ds.classes.map(() => 0)
  for (let i = 0; i < ds.length; i++) {
    const l = ds.label(i)
    if (counts[l]++ < perClass) picked[l].push(i)
  }
  return ds.classes.map((name, k) => ({ name, count: counts[k], samples: picked[k].map((i) => previewSample(ds, i)) }))
}
