// Kernels split into ranges over the thread pool (unfold, fold, pooling and its gradient, elementwise) give bit
// for bit what one thread gives, on awkward shapes (odd plane counts, stride, dilation, uneven padding, broadcasts).
import { describe, expect, it } from 'vitest'
import type { TypedArray } from '../../../engine/backend/backend.ts'
import { MIN_SPLIT_STREAMING, planRanges } from '../../../engine/backend/cpu/split-ranges.ts'
import { poolSize, startThreadPool } from '../../../engine/backend/cpu/thread-pool.ts'
import { binary, unary, type BinaryParams } from '../../../engine/kernels/elementwise.ts'
import { fold } from '../../../engine/kernels/fold.ts'
import type { Kernel } from '../../../engine/kernels/kernel.ts'
import { pool, poolGrad, type PoolMode, type PoolParams } from '../../../engine/kernels/pool.ts'
import { contiguousStrides, sizeOf, stridesIn } from '../../../engine/kernels/strides.ts'
import { unfold, type UnfoldParams } from '../../../engine/kernels/unfold.ts'
import { imageMajor, windowGeometry } from '../../../engine/kernels/window-geometry.ts'

/** a shared Float32Array (or Int32Array) of length n with values from a small LCG, including negatives */
function sharedFilled(n: number, seed: number, int = false): TypedArray {
  const a = int ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Float32Array(new SharedArrayBuffer(4 * n))
  let s = seed * 7919 + 1
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648
    a[i] = int ? s % 9 : s / 1073741824 - 1
  }
  return a
}

/** the kernel on shared arrays (split over the pool) and on private copies (one thread); both outputs */
function bothWays<P>(k: Kernel<P>, inputs: TypedArray[], outSizes: number[], params: P, intOut: boolean[] = []): [TypedArray[], TypedArray[]] {
  const split = outSizes.map((n, i) => sharedFilled(n, 99, intOut[i]))
  const single = split.map((a) => a.slice()) // stale contents too: kernels must overwrite them alike
  k.cpu(inputs, split, params)
  k.cpu(inputs.map((a) => a.slice()), single, params)
  return [split, single]
}

const same = ([split, single]: [TypedArray[], TypedArray[]]) => split.forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(single[i])))

describe('kernels split over the thread pool', () => {
  const convCases: [string, number[], number[], object][] = [
    ['2D, stride 2, uneven same padding', [7, 3, 29, 31], [4, 3], { stride: [2, 2], padding: 'same' }],
    ['2D, dilation 2, explicit padding', [5, 5, 23, 17], [3, 3], { dilation: [2, 2], padding: [[2, 1], [0, 3]] }],
    ['3D, stride 1, same', [3, 3, 9, 11, 13], [3, 2, 3], { padding: 'same' }],
    ['1D, stride 3', [9, 7, 601], [5], { stride: [3] }],
  ]
  for (const [name, xShape, kernel, opts] of convCases) {
    it(`unfold and fold, ${name}`, async () => {
      expect(await startThreadPool(2)).toBe(1)
      const g = windowGeometry('test', 'kernel', xShape, kernel, opts)
      const [n, c] = xShape
      const p: UnfoldParams = { window: g.window, flip: name.includes('3D'), layout: imageMajor(g.window), planes: n * c }
      const colSize = n * c * sizeOf(kernel) * sizeOf(g.out), xSize = sizeOf(xShape)
      expect(planRanges(p.planes, xSize + colSize, 2)).not.toBeNull()
      const x = sharedFilled(xSize, 1)
      same(bothWays(unfold, [x], [colSize], p))
      same(bothWays(fold, [sharedFilled(colSize, 2)], [xSize], p))
      expect(poolSize()).toBe(1)
    })
  }

  const poolCases: [PoolMode, number[], number[], object][] = [
    ['max', [7, 5, 37, 41], [3, 3], { stride: [2, 2], padding: 'same' }],
    ['avg', [3, 11, 43, 49], [2, 3], { stride: [2, 1], padding: [[1, 0], [1, 1]] }],
    ['lp', [5, 3, 7, 31, 29], [2, 2, 2], { stride: [2, 2, 2] }],
  ]
  for (const [mode, xShape, kernel, opts] of poolCases) {
    it(`${mode} pooling and its gradient`, async () => {
      expect(await startThreadPool(2)).toBe(1)
      const g = windowGeometry('test', 'window', xShape, kernel, opts)
      const p: PoolParams = { window: g.window, mode, p: 2, planes: xShape[0] * xShape[1] }
      const xSize = sizeOf(xShape), ySize = p.planes * sizeOf(g.out)
      expect(planRanges(p.planes, xSize + ySize, 2)).not.toBeNull()
      const x = sharedFilled(xSize, 3)
      const forward = bothWays(pool, [x], mode === 'max' ? [ySize, ySize] : [ySize], p, [false, true])
      same(forward)
      const [[y, argmax]] = forward
      const dy = sharedFilled(ySize, 4)
      same(bothWays(poolGrad, mode === 'max' ? [dy, argmax] : mode === 'lp' ? [dy, x, y] : [dy], [xSize], p))
    })
  }

  it('elementwise: unary rows with and without a whole loop, same-shape and broadcast binaries', async () => {
    expect(await startThreadPool(2)).toBe(1)
    const shape = [13, 7, 61, 97], size = sizeOf(shape)
    expect(planRanges(size, 2 * size, 2, MIN_SPLIT_STREAMING)).not.toBeNull()
    const x = sharedFilled(size, 5)
    for (const op of ['relu', 'mulScalar', 'tanh', 'leakyRelu'] as const) same(bothWays(unary, [x], [size], { op, a: 0.3 }))
    const binaryParams = (op: BinaryParams['op'], yShape: number[]): BinaryParams =>
      ({ op, outShape: shape, strideX: contiguousStrides(shape), strideY: stridesIn(yShape, shape) })
    for (const op of ['add', 'maskPositive', 'sub'] as const) same(bothWays(binary, [x, sharedFilled(size, 6)], [size], binaryParams(op, shape)))
    for (const yShape of [[7, 1, 1], [13, 1, 61, 1], [97]]) {
      same(bothWays(binary, [x, sharedFilled(sizeOf(yShape), 7)], [size], binaryParams('add', yShape)))
      same(bothWays(binary, [x, sharedFilled(sizeOf(yShape), 8)], [size], binaryParams('div', yShape)))
    }
  })

  it('many split calls in a row (the worker or the caller takes each share) all match one thread', async () => {
    expect(await startThreadPool(2)).toBe(1)
    const size = 600_001
    expect(planRanges(size, 2 * size, 2, MIN_SPLIT_STREAMING)).not.toBeNull()
    for (let round = 0; round < 8; round++) same(bothWays(unary, [sharedFilled(size, round)], [size], { op: 'relu' }))
  })

  it('plans shares that cover every range once, and none for calls too small to repay waking a worker', () => {
    expect(planRanges(21, 1 << 20, 2)).toEqual([[0, 11], [11, 21]])
    expect(planRanges(7, 1 << 20, 3)).toEqual([[0, 2], [2, 5], [5, 7]])
    expect(planRanges(1, 1 << 20, 2)).toBeNull()
    expect(planRanges(64, 1000, 2)).toBeNull()
    expect(planRanges(64, 1 << 19, 2)).not.toBeNull()
    expect(planRanges(64, 1 << 19, 2, MIN_SPLIT_STREAMING)).toBeNull() // memory-bound loops need more to gain
  })
})
