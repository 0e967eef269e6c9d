import { describe, expect, it } from 'vitest'
import { Tensor } from '../../../engine/tensor.ts'
import { channelPool } from '../../../engine/ops/channel-pool.ts'
import { avgPool, globalAvgPool, globalMaxPool, lpPool, maxPool, type LpPoolOptions } from '../../../engine/ops/pool.ts'
import { expectGradients, relError, seeded, torchCases } from './numeric.ts'

const ops = { maxPool, avgPool, lpPool } as Record<string, (x: Tensor, o: LpPoolOptions) => Tensor>

describe('pools vs PyTorch', () => {
  for (const c of torchCases().filter((c) => c.kind in ops)) {
    it(c.name, async () => {
      const x = Tensor.from(c.x as number[], c.xShape as number[], { requiresGrad: true })
      const y = ops[c.kind](x, c.opts as unknown as LpPoolOptions)
      expect(y.shape).toEqual(c.yShape)
      expect(relError(await y.read(), c.y)).toBeLessThan(1e-4)
      y.backward(Tensor.from(c.g, c.yShape))
      expect(relError(await x.grad!.read(), c.dx as number[])).toBeLessThan(1e-4)
    })
  }
})

describe('pool gradients (float64 finite differences)', () => {
  const cases: [string, (x: Tensor) => Tensor, number[]][] = [
    ['maxPool 1D stride 3 same', (x) => maxPool(x, { window: [3], stride: [3], padding: 'same' }), [3, 2, 10]],
    ['maxPool 2D overlapping stride 2', (x) => maxPool(x, { window: [3, 3], stride: [2, 2], padding: [[1, 1], [1, 0]] }), [3, 2, 7, 6]],
    ['maxPool 3D', (x) => maxPool(x, { window: [2, 1, 2], padding: 'same' }), [3, 1, 3, 4, 5]],
    ['avgPool 1D overlapping', (x) => avgPool(x, { window: [3], stride: [2], padding: 'same' }), [3, 2, 9]],
    ['avgPool 2D padding excluded', (x) => avgPool(x, { window: [3, 2], stride: [2, 3], padding: [[1, 1], [1, 0]] }), [3, 2, 7, 8]],
    ['avgPool 3D same', (x) => avgPool(x, { window: [2, 2, 3], stride: [1, 2, 3], padding: 'same' }), [3, 1, 3, 4, 5]],
    ['lpPool 1D p=2', (x) => lpPool(x, { window: [3], stride: [2] }), [3, 2, 9]],
    ['lpPool 2D p=2 same', (x) => lpPool(x, { window: [2, 3], stride: [2, 3], padding: 'same' }), [3, 2, 5, 7]],
    ['lpPool 3D p=4', (x) => lpPool(x, { window: [2, 2, 2], p: 4 }), [3, 1, 4, 4, 4]],
    ['globalAvgPool 2D', globalAvgPool, [3, 2, 5, 4]],
    ['globalMaxPool 3D', globalMaxPool, [3, 2, 3, 2, 4]],
  ]
  for (const [name, f, shape] of cases) {
    it(name, async () => expectGradients(f, [{ shape }]))
  }
})

describe('pool details', () => {
  it('global pools give one value per channel', async () => {
    const data = seeded(2 * 3 * 4 * 5, 3)
    const x = Tensor.from(data, [2, 3, 4, 5])
    const plane = (i: number) => data.slice(i * 20, i * 20 + 20)
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length
    expect(globalAvgPool(x).shape).toEqual([2, 3])
    expect(relError(await globalAvgPool(x).read(), [0, 1, 2, 3, 4, 5].map((i) => mean(plane(i))))).toBeLessThan(1e-6)
    expect(relError(await globalMaxPool(x).read(), [0, 1, 2, 3, 4, 5].map((i) => Math.max(...plane(i))))).toBeLessThan(1e-6)
  })

  it('lp gradient is 0 where a window is all zeros (after a ReLU), not NaN', async () => {
    const x = Tensor.from([0, 0, 3, 4], [1, 1, 4], { requiresGrad: true })
    const y = lpPool(x, { window: [2] })
    expect(Array.from(await y.read())).toEqual([0, 5])
    y.backward(Tensor.from([1, 1], [1, 1, 2]))
    expect(Array.from(await x.grad!.read())).toEqual([0, 0, 3 / 5, 4 / 5].map(Math.fround))
  })

  it('max pooling propagates NaN and infinities, and routes the gradient to the first maximum', async () => {
    const x = Tensor.from([NaN, 1, 2, 2, -Infinity, -Infinity, 3, Infinity], [1, 1, 8], { requiresGrad: true })
    const y = maxPool(x, { window: [2] })
    expect(Array.from(await y.read())).toEqual([NaN, 2, -Infinity, Infinity])
    expect(Array.from(await globalMaxPool(x).read())).toEqual([NaN])
    y.backward(Tensor.from([1, 2, 3, 4], [1, 1, 4]))
    expect(Array.from(await x.grad!.read())).toEqual([1, 0, 2, 0, 3, 0, 0, 4])
  })

  it('errors name the op and the shapes', () => {
    const x = Tensor.zeros([1, 2, 3, 3])
    expect(() => maxPool(x, { window: [5, 5] })).toThrow('maxPool: window 5×5 is larger than the 3×3 input with valid padding')
    expect(() => avgPool(x, { window: [2, 2], padding: [[2, 0], [0, 0]] })).toThrow('avgPool: padding [2,0] is more than half the 2×2 window')
    expect(() => lpPool(x, { window: [2] })).toThrow('lpPool: window 2 has 1 size but the input 2×3×3 has 2 spatial axes')
    expect(() => globalMaxPool(Tensor.zeros([2, 3]))).toThrow('globalMaxPool: needs an input [batch, channels, ...spatial], but gets 2×3')
  })
})

describe('channelPool (maxout)', () => {
  it('output channel g pools input channels g·k … g·k+k−1', async () => {
    const [n, c, h, w, k] = [2, 6, 2, 3, 3]
    const data = seeded(n * c * h * w, 5)
    const at = (i: number, ch: number, p: number) => data[(i * c + ch) * h * w + p]
    const expected = { max: [] as number[], avg: [] as number[] }
    for (let i = 0; i < n; i++) {
      for (let g = 0; g < c / k; g++) {
        for (let p = 0; p < h * w; p++) {
          const group = [0, 1, 2].map((j) => at(i, g * k + j, p))
          expected.max.push(Math.max(...group))
          expected.avg.push(group.reduce((a, b) => a + b, 0) / k)
        }
      }
    }
    for (const mode of ['max', 'avg'] as const) {
      const y = channelPool(Tensor.from(data, [n, c, h, w]), { groupSize: k, mode })
      expect(y.shape).toEqual([n, c / k, h, w])
      expect(relError(await y.read(), expected[mode])).toBeLessThan(1e-6)
    }
  })

  for (const mode of ['max', 'avg'] as const) {
    it(`${mode} gradient (float64 finite differences), 1D and 3D`, async () => {
      await expectGradients((x) => channelPool(x, { groupSize: 2, mode }), [{ shape: [3, 4, 5] }])
      await expectGradients((x) => channelPool(x, { groupSize: 3, mode }), [{ shape: [3, 6, 2, 3, 2] }])
    })
  }

  it('says when the channels do not split into groups', () => {
    expect(() => channelPool(Tensor.zeros([1, 5, 2, 2]), { groupSize: 2, mode: 'max' }))
      .toThrow('channelPool: 5 channels of the input 1×5×2×2 cannot be split into groups of 2')
  })
})
