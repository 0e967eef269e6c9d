// Separable resampling by convolution with a reconstruction filter, widened when shrinking so that
// downscaling averages (anti-aliases) instead of skipping samples (as Pillow's resize does).
// Triangle (bilinear) for images, Lanczos-3 (windowed sinc) for audio.

export interface Filter { readonly support: number; weight(x: number): number }

export const triangle: Filter = { support: 1, weight: (x) => Math.max(0, 1 - Math.abs(x)) }

const sinc = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x))
export const lanczos3: Filter = { support: 3, weight: (x) => (Math.abs(x) < 3 ? sinc(x) * sinc(x / 3) : 0) }

/** for each output sample: the first source index and the normalised weights of the taps from there */
interface Taps { start: Int32Array; count: number; weights: Float32Array }

/** taps for outputs centred at source positions c0, c0 + step, …; callers clamp indices (edges repeat) */
function taps(c0: number, step: number, outLen: number, f: Filter): Taps {
  const widen = Math.max(step, 1)
  const radius = f.support * widen
  const count = Math.ceil(radius) * 2 + 1
  const start = new Int32Array(outLen)
  const weights = new Float32Array(outLen * count)
  for (let o = 0; o < outLen; o++) {
    const center = c0 + o * step
    const first = Math.ceil(center - radius)
    start[o] = first
    let sum = 0
    for (let k = 0; k < count; k++) sum += weights[o * count + k] = f.weight((first + k - center) / widen)
    for (let k = 0; k < count; k++) weights[o * count + k] /= sum || 1
  }
  return { start, count, weights }
}

/** pixels are areas: output pixel o covers source span [s0 + o·scale, s0 + (o+1)·scale), sampled at its centre */
const areaTaps = (s0: number, sLen: number, outLen: number, f: Filter) => {
  const scale = sLen / outLen
  return taps(s0 + 0.5 * scale - 0.5, scale, outLen, f)
}

const clamp = (i: number, n: number) => (i < 0 ? 0 : i >= n ? n - 1 : i)

/**
 * resamples a 1D signal to outLen samples, `step` source samples apart (source rate / target rate).
 * audio samples are instants, not areas: output sample o is the signal at source time o·step, so
 * sample 0 stays sample 0 and a tone keeps its phase
 */
export function resample1d(src: Float32Array, outLen: number, f: Filter = lanczos3, step = src.length / outLen): Float32Array {
  const n = src.length
  const t = taps(0, step, outLen, f)
  const out = new Float32Array(outLen)
  for (let o = 0; o < outLen; o++) {
    let acc = 0
    for (let k = 0; k < t.count; k++) acc += src[clamp(t.start[o] + k, n)] * t.weights[o * t.count + k]
    out[o] = acc
  }
  return out
}

/** a rectangle in pixels (fractional for source crops) */
export interface Rect { x: number; y: number; w: number; h: number }

/**
 * resamples planar [c, h, w] pixels: the source rectangle `from` lands on the destination rectangle `to`
 * of an [c, oh, ow] output; output outside `to` is left as it is (zero for a fresh buffer)
 */
export function resizePlanar(src: Float32Array, c: number, h: number, w: number, from: Rect,
  out: Float32Array, oh: number, ow: number, to: Rect, f: Filter = triangle): void {
  const tx = areaTaps(from.x, from.w, to.w, f)
  const ty = areaTaps(from.y, from.h, to.h, f)
  const mid = new Float32Array(h * to.w)
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w
    for (let y = 0; y < h; y++) {
      for (let o = 0; o < to.w; o++) {
        let acc = 0
        for (let k = 0; k < tx.count; k++) acc += src[plane + y * w + clamp(tx.start[o] + k, w)] * tx.weights[o * tx.count + k]
        mid[y * to.w + o] = acc
      }
    }
    for (let o = 0; o < to.h; o++) {
      const row = ch * oh * ow + (to.y + o) * ow + to.x
      for (let x = 0; x < to.w; x++) {
        let acc = 0
        for (let k = 0; k < ty.count; k++) acc += mid[clamp(ty.start[o] + k, h) * to.w + x] * ty.weights[o * ty.count + k]
        out[row + x] = acc
      }
    }
  }
}
