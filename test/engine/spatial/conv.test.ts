import { describe, expect, it } from 'vitest'
import { Tensor } from '../../../engine/tensor.ts'
import { conv, type ConvOptions } from '../../../engine/ops/conv.ts'
import type { Padding } from '../../../engine/graph/padding.ts'
import { expectGradients, relError, torchCases } from './numeric.ts'

describe('conv vs PyTorch', () => {
  for (const c of torchCases().filter((c) => c.kind === 'conv')) {
    it(c.name, async () => {
      const x = Tensor.from(c.x as number[], c.xShape as number[], { requiresGrad: true })
      const w = Tensor.from(c.w as number[], c.wShape as number[], { requiresGrad: true })
      const b = c.b ? Tensor.from(c.b as number[], c.bShape as number[], { requiresGrad: true }) : undefined
      const y = conv(x, w, b, c.opts as ConvOptions)
      expect(y.shape).toEqual(c.yShape)
      expect(relError(await y.read(), c.y)).toBeLessThan(1e-4)
      y.backward(Tensor.from(c.g, c.yShape))
      expect(relError(await x.grad!.read(), c.dx as number[])).toBeLessThan(1e-4)
      expect(relError(await w.grad!.read(), c.dw as number[])).toBeLessThan(1e-4)
      if (b) expect(relError(await b.grad!.read(), c.db as number[])).toBeLessThan(1e-4)
    })
  }
})

describe('conv gradients (float64 finite differences, batch 3)', () => {
  const cases: [string, number[], number[], ConvOptions][] = [
    ['1D valid stride 3', [3, 2, 11], [2, 2, 3], { stride: [3] }],
    ['1D same dilation 2, true convolution', [3, 2, 9], [3, 2, 3], { padding: 'same', dilation: [2], flip: true }],
    ['1D full', [3, 1, 6], [2, 1, 4], { padding: 'full' }],
    ['2D valid non-square odd kernel', [3, 2, 6, 5], [2, 2, 3, 1], {}],
    ['2D same stride 2', [3, 2, 7, 6], [2, 2, 3, 3], { padding: 'same', stride: [2, 2] }],
    ['2D full dilation 2, true convolution', [3, 1, 5, 6], [2, 1, 3, 2], { padding: 'full', dilation: [2, 2], flip: true }],
    ['2D explicit padding, stride 3×2', [3, 2, 8, 7], [2, 2, 3, 3], { padding: [[2, 0], [1, 3]] as Padding, stride: [3, 2] }],
    ['3D same stride 2', [3, 1, 4, 5, 3], [2, 1, 3, 3, 1], { padding: 'same', stride: [2, 2, 1] }],
    ['2D 1×1 pointwise (no unfold)', [3, 3, 4, 5], [2, 3, 1, 1], {}],
    ['3D valid dilation 2, true convolution', [3, 2, 5, 4, 5], [2, 2, 2, 1, 3], { dilation: [2, 1, 2], flip: true }],
  ]
  for (const [name, xShape, wShape, opts] of cases) {
    it(name, async () => {
      const inputs = [{ shape: xShape }, { shape: wShape }, { shape: [wShape[0]] }]
      await expectGradients((x, w, b) => conv(x, w, b, opts), inputs)
    })
  }
})

describe('conv details', () => {
  it('true convolution equals cross-correlation with the mirrored kernel', async () => {
    // 1D: y[o] = Σ_k w[k] x[o + K − 1 − k]
    const x = Tensor.from([1, 2, 3, 4, 5], [1, 1, 5]), w = Tensor.from([1, 10, 100], [1, 1, 3])
    expect(Array.from(await conv(x, w, undefined, { flip: true }).read())).toEqual([123, 234, 345])
    expect(Array.from(await conv(x, w).read())).toEqual([321, 432, 543])
  })

  it('errors name the op and the shapes', () => {
    const x = Tensor.zeros([2, 3, 3, 3])
    expect(() => conv(x, Tensor.zeros([4, 3, 5, 5]))).toThrow('conv: kernel 5×5 is larger than the 3×3 input with valid padding')
    expect(() => conv(x, Tensor.zeros([4, 2, 2, 2]))).toThrow('conv: weight 4×2×2×2 expects 2 input channels but the input 2×3×3×3 has 3')
    expect(() => conv(x, Tensor.zeros([4, 3, 2]))).toThrow('conv: weight 4×3×2 should be [filters, channels, ...kernel] with 2 kernel axes')
    expect(() => conv(x, Tensor.zeros([4, 3, 2, 2]), Tensor.zeros([3]))).toThrow('conv: bias 3 should be 4')
    expect(() => conv(x, Tensor.zeros([4, 3, 2, 2]), undefined, { stride: [2] })).toThrow('conv: stride 2 has 1 size but the input 3×3×3 has 2 spatial axes')
  })
})
