// A picture the user dropped, made into one model input: RGBA pixels resized (bilinear) to the model's
// height and width, turned into its channels (grey by luminance, or RGB), scaled to [0, 1] as the
// built-in image datasets are, then normalised with the run's per-channel mean and std. Transparent
// pixels count as black, the background of the digit datasets.

export interface Rgba { width: number; height: number; pixels: Uint8Array }

/** luminance weights of ITU-R BT.601, as most greyscale conversions */
const LUMA = [0.299, 0.587, 0.114]

/** [C, H, W] values for a model whose input is `inputShape`; mean/std per channel (null: none) */
export function imageToSample(image: Rgba, inputShape: readonly number[], norm: { mean: number[]; std: number[] } | null): Float32Array {
  const { width: sw, height: sh, pixels } = image
  if (inputShape.length !== 3) throw new Error(`an image can only feed a model with 2D inputs; this one takes ${inputShape.join('×')}`)
  if (sw < 1 || sh < 1 || pixels.length !== sw * sh * 4) throw new Error(`the image holds ${pixels.length} bytes, not ${sw}×${sh} RGBA pixels`)
  const [c, h, w] = inputShape
  const out = new Float32Array(c * h * w)
  /** one source channel (0..2) at a fractional position, premultiplied by alpha, in [0, 1] */
  const at = (x: number, y: number, ch: number) => {
    const p = (y * sw + x) * 4
    return (pixels[p + ch] * pixels[p + 3]) / (255 * 255)
  }
  for (let y = 0; y < h; y++) {
    // pixel centres mapped onto the source grid
    const fy = Math.min(Math.max(((y + 0.5) * sh) / h - 0.5, 0), sh - 1)
    const y0 = Math.floor(fy), y1 = Math.min(y0 + 1, sh - 1), ty = fy - y0
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max(((x + 0.5) * sw) / w - 0.5, 0), sw - 1)
      const x0 = Math.floor(fx), x1 = Math.min(x0 + 1, sw - 1), tx = fx - x0
      const rgb = [0, 1, 2].map((ch) => (at(x0, y0, ch) * (1 - tx) + at(x1, y0, ch) * tx) * (1 - ty)
        + (at(x0, y1, ch) * (1 - tx) + at(x1, y1, ch) * tx) * ty)
      const grey = rgb[0] * LUMA[0] + rgb[1] * LUMA[1] + rgb[2] * LUMA[2]
      for (let k = 0; k < c; k++) {
        const v = c === 3 ? rgb[k] : grey
        out[(k * h + y) * w + x] = norm ? (v - norm.mean[k]) / (norm.std[k] > 0 ? norm.std[k] : 1) : v
      }
    }
  }
  return out
}
