// On-the-fly augmentation for the training split, as a Dataset wrapper. Works on 1D, 2D and 3D
// samples ([C, ...spatial]). Randomness comes from (seed, epoch, sample index), so a sample's
// augmentation does not depend on read order and a resumed run sees exactly the same images.

import type { Dataset } from './dataset.ts'
import { gaussian, hashSeed, mulberry32, randInt, type Rng } from './random.ts'

/** each field enables one transform; they run in this order: crop, translate, flip, noise */
export interface Augmentation {
  /** zero-pad every spatial axis by `padding`, then crop a random window of the original size */
  crop?: { padding: number }
  /** shift by a random whole number of pixels in [−max, max] along every spatial axis, zeros fill */
  translate?: { max: number }
  /** mirror the last (horizontal) axis with probability p */
  flip?: { p: number }
  /** add Gaussian noise of this standard deviation to every value */
  noise?: { std: number }
}

export class AugmentedDataset implements Dataset {
  readonly name: string
  readonly inputShape: readonly number[]
  readonly classes: readonly string[]
  readonly length: number
  private epoch = 0
  private readonly scratch: Float32Array

  constructor(private readonly base: Dataset, readonly augmentation: Augmentation, readonly seed: number) {
    this.name = base.name
    this.inputShape = base.inputShape
    this.classes = base.classes
    this.length = base.length
    this.scratch = new Float32Array(base.inputShape.reduce((a, b) => a * b, 1))
  }

  /** the train loop calls this at each epoch start so every epoch sees new variations */
  setEpoch(epoch: number): void { this.epoch = epoch }

  label(i: number): number { return this.base.label(i) }

  read(i: number, out: Float32Array, offset: number): void {
    const sample = out.subarray(offset, offset + this.scratch.length)
    this.base.read(i, sample, 0)
    const { crop, translate, flip, noise } = this.augmentation
    const rng = mulberry32(hashSeed(this.seed, this.epoch, i))
    const spatial = this.inputShape.slice(1)
    if (crop && crop.padding > 0) this.shift(sample, spatial.map(() => randInt(rng, 0, 2 * crop.padding) - crop.padding))
    if (translate && translate.max > 0) this.shift(sample, spatial.map(() => randInt(rng, -translate.max, translate.max)))
    if (flip && rng() < flip.p) flipLastAxis(sample, spatial[spatial.length - 1])
    if (noise && noise.std > 0) addNoise(sample, noise.std, rng)
  }

  private shift(sample: Float32Array, shifts: number[]): void {
    if (shifts.every((s) => s === 0)) return
    this.scratch.set(sample)
    shiftInto(this.scratch, sample, this.inputShape, shifts)
  }
}

/** dst[c, p] = src[c, p − shift] where in range, else 0 (shape is [C, ...spatial]) */
export function shiftInto(src: Float32Array, dst: Float32Array, shape: readonly number[], shifts: readonly number[]): void {
  const spatial = shape.slice(1)
  const width = spatial[spatial.length - 1]
  const dx = shifts[shifts.length - 1]
  const rows = src.length / width // rows over channels and every leading spatial axis
  const lead = spatial.slice(0, -1)
  const leadSize = lead.reduce((a, b) => a * b, 1)
  const coord = new Array<number>(lead.length).fill(0)
  for (let r = 0; r < rows; r++) {
    // source row for this output row, or -1 when a leading axis falls outside
    let srcRow = Math.floor(r / leadSize)
    let inside = true
    for (let a = 0; a < lead.length; a++) {
      const s = coord[a] - shifts[a]
      if (s < 0 || s >= lead[a]) inside = false
      srcRow = srcRow * lead[a] + s
    }
    const o = r * width
    if (!inside) dst.fill(0, o, o + width)
    else {
      const so = srcRow * width
      for (let x = 0; x < width; x++) {
        const sx = x - dx
        dst[o + x] = sx >= 0 && sx < width ? src[so + sx] : 0
      }
    }
    for (let a = lead.length - 1; a >= 0; a--) { if (++coord[a] < lead[a]) break; coord[a] = 0 }
  }
}

function flipLastAxis(sample: Float32Array, width: number): void {
  for (let o = 0; o < sample.length; o += width) sample.subarray(o, o + width).reverse()
}

function addNoise(sample: Float32Array, std: number, rng: Rng): void {
  for (let k = 0; k < sample.length; k++) sample[k] += std * gaussian(rng)
}
