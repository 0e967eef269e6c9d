// On-the-fly augmentation: each transform checked against a direct construction in the test
// (shifts with zero fill, mirror, noise moments), on 1D, 2D and 3D samples, and its randomness
// tied to (seed, epoch, index): repeatable, different per epoch, independent of read order.
import { describe, expect, it } from 'vitest'
import { AugmentedDataset, type Augmentation } from '../../../engine/data/augment.ts'
import { ArrayDataset } from '../../../engine/data/dataset.ts'

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1)

/** a dataset of `n` samples of `shape` whose values are 1 + a distinct number per position (never zero) */
function distinct(shape: number[], n = 1): ArrayDataset {
  return new ArrayDataset('d', shape, ['x'], Float32Array.from({ length: n * size(shape) }, (_, k) => 1 + k), new Int32Array(n))
}

/** sample shifted by `shifts` along its spatial axes, zeros where nothing lands: built position by position */
function shifted(src: Float32Array, shape: number[], shifts: number[]): number[] {
  const spatial = shape.slice(1)
  const out: number[] = []
  for (let k = 0; k < src.length; k++) {
    let rest = k % size(spatial), from = Math.floor(k / size(spatial)) * size(spatial), stride = size(spatial), ok = true
    for (let a = 0; a < spatial.length; a++) {
      stride /= spatial[a]
      const coord = Math.floor(rest / stride) - shifts[a]
      rest %= stride
      if (coord < 0 || coord >= spatial[a]) ok = false
      from += coord * stride
    }
    out.push(ok ? src[from] : 0)
  }
  return out
}

function read(ds: AugmentedDataset | ArrayDataset, i = 0): Float32Array {
  const out = new Float32Array(size([...ds.inputShape]))
  ds.read(i, out, 0)
  return out
}

/** every shift vector with components in [-m, m] */
const shiftsUpTo = (m: number, axes: number): number[][] =>
  axes === 0 ? [[]] : shiftsUpTo(m, axes - 1).flatMap((s) => Array.from({ length: 2 * m + 1 }, (_, d) => [...s, d - m]))

/** which shift of the plain sample the augmented one is (exactly one must match) */
function whichShift(plain: Float32Array, aug: Float32Array, shape: number[], m: number): number[] {
  const hits = shiftsUpTo(m, shape.length - 1).filter((s) => shifted(plain, shape, s).every((v, k) => v === aug[k]))
  expect(hits).toHaveLength(1)
  return hits[0]
}

describe('augmentation', () => {
  for (const shape of [[2, 9], [3, 5, 6], [1, 4, 5, 3]]) {
    it(`translates ${shape.length - 1}D samples by whole steps within max, zeros filling`, () => {
      const base = distinct(shape, 40)
      const aug = new AugmentedDataset(base, { translate: { max: 2 } }, 11)
      const seen = new Set<string>()
      for (let i = 0; i < 40; i++) seen.add(whichShift(read(base, i), read(aug, i), shape, 2).join())
      expect(seen.size).toBeGreaterThanOrEqual(shape.length === 2 ? 5 : 9)
    })
  }

  it('crops with padding: a window of the padded image, i.e. a shift within the padding', () => {
    const shape = [1, 6, 6]
    const base = distinct(shape, 30)
    const aug = new AugmentedDataset(base, { crop: { padding: 1 } }, 3)
    const seen = new Set<string>()
    for (let i = 0; i < 30; i++) seen.add(whichShift(read(base, i), read(aug, i), shape, 1).join())
    expect(seen.size).toBe(9)
  })

  it('flips the last axis with the given probability', () => {
    const shape = [2, 3, 4]
    const base = distinct(shape, 200)
    const mirror = (s: Float32Array) => Array.from(s, (_, k) => s[k - (k % 4) + 3 - (k % 4)])
    const always = new AugmentedDataset(base, { flip: { p: 1 } }, 0)
    expect([...read(always, 5)]).toEqual(mirror(read(base, 5)))
    expect([...read(new AugmentedDataset(base, { flip: { p: 0 } }, 0), 5)]).toEqual([...read(base, 5)])
    const half = new AugmentedDataset(base, { flip: { p: 0.5 } }, 0)
    let flipped = 0
    for (let i = 0; i < 200; i++) if (read(half, i)[0] !== read(base, i)[0]) flipped++
    expect(flipped).toBeGreaterThan(70)
    expect(flipped).toBeLessThan(130)
  })

  it('adds Gaussian noise of the given standard deviation', () => {
    const zeros = new ArrayDataset('z', [1, 100, 100], ['x'], new Float32Array(10000), new Int32Array(1))
    const noisy = read(new AugmentedDataset(zeros, { noise: { std: 0.5 } }, 4))
    const mean = noisy.reduce((a, b) => a + b, 0) / noisy.length
    const std = Math.sqrt(noisy.reduce((a, b) => a + (b - mean) ** 2, 0) / noisy.length)
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(std).toBeGreaterThan(0.48)
    expect(std).toBeLessThan(0.52)
  })

  it('draws from (seed, epoch, index): the same in any read order, new each epoch', () => {
    const all: Augmentation = { crop: { padding: 2 }, translate: { max: 1 }, flip: { p: 0.5 }, noise: { std: 0.1 } }
    const base = distinct([1, 8, 8], 10)
    const a = new AugmentedDataset(base, all, 5), b = new AugmentedDataset(base, all, 5)
    const forward = Array.from({ length: 10 }, (_, i) => [...read(a, i)])
    const backward = Array.from({ length: 10 }, (_, i) => [...read(b, 9 - i)]).reverse()
    expect(backward).toEqual(forward)
    a.setEpoch(1)
    expect([...read(a, 3)]).not.toEqual(forward[3])
    a.setEpoch(0)
    expect([...read(a, 3)]).toEqual(forward[3])
    expect(a.label(3)).toBe(base.label(3))
  })
})
