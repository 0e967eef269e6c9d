import { describe, expect, it } from 'vitest'
import { Tensor } from '../../../engine/tensor.ts'
import { local } from '../../../engine/ops/local.ts'
import { tiled } from '../../../engine/ops/tiled.ts'
import type { Padding } from '../../../engine/graph/padding.ts'
import { sizeOf } from '../../../engine/kernels/strides.ts'
import { expectGradients, relError, seeded } from './numeric.ts'

/**
 * The lecture's formula, written directly for 2D (1D is H = 1): Z[n,f,i,j] = bias(f,i,j) + Σ_{c,k,l}
 * V[n, c, i·s_h + k − pad_h, j·s_w + l − pad_w] · K(i, j)[f, c, k, l], where K(i, j) is the kernel at that position.
 */
function direct(
  v: number[], [n, c, h, w]: number[], kernelAt: (i: number, j: number, f: number, ch: number, k: number, l: number) => number,
  bias: (f: number, i: number, j: number) => number, f: number, [kh, kw]: number[], [sh, sw]: number[], [ph, pw]: number[], [oh, ow]: number[],
): number[] {
  const z: number[] = []
  for (let b = 0; b < n; b++) {
    for (let g = 0; g < f; g++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let sum = bias(g, i, j)
          for (let ch = 0; ch < c; ch++) {
            for (let k = 0; k < kh; k++) {
              for (let l = 0; l < kw; l++) {
                const y = i * sh + k - ph, x = j * sw + l - pw
                if (y >= 0 && y < h && x >= 0 && x < w) sum += v[((b * c + ch) * h + y) * w + x] * kernelAt(i, j, g, ch, k, l)
              }
            }
          }
          z.push(sum)
        }
      }
    }
  }
  return z
}

describe('local (unshared) convolution vs the direct formula', () => {
  const cases: [string, number[], number, number[], number[], Padding, number[], number[]][] = [
    // name, x shape, filters, kernel, stride, padding, its low pads (by hand), output size
    ['2D valid non-square', [3, 2, 6, 5], 3, [3, 2], [1, 1], 'valid', [0, 0], [4, 4]],
    ['2D same stride 2', [2, 3, 7, 6], 2, [3, 3], [2, 2], 'same', [1, 0], [4, 3]],
    ['2D explicit padding stride 3×1', [2, 1, 8, 5], 2, [2, 3], [3, 1], [[1, 0], [2, 1]], [1, 2], [3, 6]],
  ]
  for (const [name, xShape, f, kernel, stride, padding, pads, out] of cases) {
    it(name, async () => {
      const c = xShape[1], wShape = [...out, f, c, ...kernel], bShape = [f, ...out]
      const v = seeded(sizeOf(xShape), 1), k = seeded(sizeOf(wShape), 2), b = seeded(sizeOf(bShape), 3)
      const y = local(Tensor.from(v, xShape), Tensor.from(k, wShape), Tensor.from(b, bShape), { stride, padding })
      expect(y.shape).toEqual([xShape[0], f, ...out])
      const at = (i: number, j: number, g: number, ch: number, p: number, q: number) =>
        k[((((i * out[1] + j) * f + g) * c + ch) * kernel[0] + p) * kernel[1] + q]
      const expected = direct(v, xShape, at, (g, i, j) => b[(g * out[0] + i) * out[1] + j], f, kernel, stride, pads, out)
      expect(relError(await y.read(), expected)).toBeLessThan(1e-5)
    })
  }

  it('1D same stride 2', async () => {
    const v = seeded(3 * 2 * 9, 4), k = seeded(5 * 2 * 2 * 3, 5), b = seeded(2 * 5, 6)
    const y = local(Tensor.from(v, [3, 2, 9]), Tensor.from(k, [5, 2, 2, 3]), Tensor.from(b, [2, 5]), { stride: [2], padding: 'same' })
    const at = (_: number, j: number, g: number, ch: number, _p: number, q: number) => k[((j * 2 + g) * 2 + ch) * 3 + q]
    const expected = direct(v, [3, 2, 1, 9], at, (g, _, j) => b[g * 5 + j], 2, [1, 3], [1, 2], [0, 1], [1, 5])
    expect(relError(await y.read(), expected)).toBeLessThan(1e-5)
  })
})

describe('tiled convolution vs the direct formula', () => {
  const cases: [string, number, number[], number[], number[], Padding, number[], number[]][] = [
    // name, tiles, x shape, kernel, stride, padding, low pads, output size
    ['t=2 valid', 2, [3, 2, 7, 6], [3, 2], [1, 1], 'valid', [0, 0], [5, 5]],
    ['t=3 same stride 2', 3, [2, 2, 9, 8], [3, 3], [2, 2], 'same', [1, 0], [5, 4]],
    ['t=1 is an ordinary convolution', 1, [2, 1, 5, 5], [2, 2], [1, 1], 'full', [1, 1], [6, 6]],
  ]
  for (const [name, t, xShape, kernel, stride, padding, pads, out] of cases) {
    it(name, async () => {
      const c = xShape[1], f = 2, wShape = [t, t, f, c, ...kernel]
      const v = seeded(sizeOf(xShape), 7), k = seeded(sizeOf(wShape), 8), b = seeded(f, 9)
      const y = tiled(Tensor.from(v, xShape), Tensor.from(k, wShape), Tensor.from(b, [f]), { tiles: t, stride, padding })
      expect(y.shape).toEqual([xShape[0], f, ...out])
      const at = (i: number, j: number, g: number, ch: number, p: number, q: number) =>
        k[(((((i % t) * t + (j % t)) * f + g) * c + ch) * kernel[0] + p) * kernel[1] + q]
      expect(relError(await y.read(), direct(v, xShape, at, (g) => b[g], f, kernel, stride, pads, out))).toBeLessThan(1e-5)
    })
  }
})

describe('local and tiled gradients (float64 finite differences, batch 3)', () => {
  it('local 1D full', async () => {
    const inputs = [{ shape: [3, 2, 5] }, { shape: [7, 2, 2, 3] }, { shape: [2, 7] }]
    await expectGradients((x, w, b) => local(x, w, b, { padding: 'full' }), inputs)
  })
  it('local 2D same stride 2, non-square', async () => {
    const inputs = [{ shape: [3, 2, 5, 4] }, { shape: [3, 2, 2, 2, 3, 1] }, { shape: [2, 3, 2] }]
    await expectGradients((x, w, b) => local(x, w, b, { stride: [2, 2], padding: 'same' }), inputs)
  })
  it('tiled t=2 stride 3×2 explicit padding', async () => {
    const inputs = [{ shape: [3, 2, 8, 7] }, { shape: [2, 2, 2, 2, 3, 3] }, { shape: [2] }]
    const f = (x: Tensor, w: Tensor, b: Tensor) => tiled(x, w, b, { tiles: 2, stride: [3, 2], padding: [[1, 1], [0, 2]] })
    await expectGradients(f, inputs)
  })
  it('tiled t=3 without bias', async () => {
    const inputs = [{ shape: [3, 1, 6, 5] }, { shape: [3, 3, 2, 1, 2, 2] }]
    await expectGradients((x, w) => tiled(x, w, undefined, { tiles: 3 }), inputs)
  })
})

describe('local and tiled errors', () => {
  it('name the op and the shapes', () => {
    const x = Tensor.zeros([2, 3, 5, 5])
    expect(() => local(x, Tensor.zeros([4, 4, 2, 3, 3, 3]))).toThrow('local: weight 4×4×2×3×3×3 should be 3×3×2×3×3×3 for the input 2×3×5×5')
    expect(() => local(Tensor.zeros([1, 1, 3, 3, 3]), Tensor.zeros([1]))).toThrow('local: needs a 1D or 2D input')
    expect(() => local(x, Tensor.zeros([1, 1, 2, 3, 7, 7]))).toThrow('local: kernel 7×7 is larger than the 5×5 input with valid padding')
    expect(() => tiled(x, Tensor.zeros([2, 2, 4, 3, 3, 3]), undefined, { tiles: 3 })).toThrow('tiled: needs a 2D input [N, C, H, W] and weight [3, 3, filters, C, kh, kw]')
  })
})
