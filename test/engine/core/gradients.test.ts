// Every core op's gradient against float64 central differences, on awkward (odd, non-square) shapes.
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import { record } from '../../../engine/autograd.ts'
import { gradcheck, randomValues } from '../gradcheck.ts'

// inputs kept away from relu/leakyRelu's kink at 0, where the difference quotient is not the derivative
const awayFromZero = (n: number, seed: number) => randomValues(n, seed).map((v) => (v >= 0 ? v + 0.1 : v - 0.1))

async function expectGradients(fn: (...xs: Tensor[]) => Tensor, inputs: Parameters<typeof gradcheck>[1]) {
  const r = await gradcheck(fn, inputs)
  expect(r.maxError, r.worst).toBeLessThan(1e-6)
}

describe('gradients (float64, central differences)', () => {
  it('relu and leakyRelu', async () => {
    await expectGradients(ops.relu, [{ shape: [3, 5], data: awayFromZero(15, 1) }])
    await expectGradients((x) => ops.leakyRelu(x, 0.2), [{ shape: [3, 2, 3], data: awayFromZero(18, 2) }])
  })
  it('sigmoid, tanh, exp, log, sqrt, square', async () => {
    await expectGradients((x) => ops.sigmoid(ops.mul(x, 3)), [[3, 5]])
    await expectGradients(ops.tanh, [[2, 7]])
    await expectGradients((x) => ops.log(ops.add(ops.exp(x), 1)), [[5]])
    await expectGradients((x) => ops.sqrt(ops.add(ops.square(x), 0.3)), [[3, 3]])
  })
  it('softmax along the channel axis and along the last axis', async () => {
    await expectGradients((x) => ops.softmax(x), [[3, 4, 2]])
    await expectGradients((x) => ops.softmax(x, -1), [[2, 5]])
  })
  it('sum, mean and max over all axes and over some', async () => {
    await expectGradients((x) => ops.sum(x), [[3, 4]])
    await expectGradients((x) => ops.sum(x, [0, 2]), [[3, 2, 5]])
    await expectGradients((x) => ops.mean(x, -1, true), [[3, 5]])
    await expectGradients((x) => ops.max(x, 1), [[3, 5, 2]])
    await expectGradients((x) => ops.max(x), [[7]])
  })
  it('matmul with every transpose, batched and broadcast over the batch', async () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[2, 4], [4, 5], false, false], [[4, 2], [5, 4], true, true],
      [[3, 2, 4], [3, 4, 5], false, false], [[3, 4, 2], [3, 4, 5], true, false],
      [[3, 2, 4], [4, 5], false, false], [[3, 4, 2], [5, 4], true, true],
      [[2, 4], [3, 4, 5], false, false], [[4, 2], [3, 5, 4], true, true], [[2, 4], [3, 5, 4], false, true],
    ]
    for (const [a, b, transA, transB] of cases) await expectGradients((x, y) => ops.matmul(x, y, { transA, transB }), [a, b])
  })
  it('dense with and without bias', async () => {
    await expectGradients((x, w, b) => ops.dense(x, w, b), [[3, 7], [5, 7], [5]])
    await expectGradients((x, w) => ops.dense(x, w), [[1, 3], [2, 3]])
  })
  it('concat along channels and along the last axis', async () => {
    await expectGradients((a, b, c) => ops.concat([a, b, c]), [[2, 3, 2], [2, 1, 2], [2, 2, 2]])
    await expectGradients((a, b) => ops.concat([a, b], -1), [[3, 2], [3, 5]])
  })
  it('reshape, flatten and permute', async () => {
    await expectGradients((x) => ops.mul(ops.reshape(x, [5, -1]), ops.reshape(ops.square(x), [-1, 3])), [[3, 5]])
    await expectGradients((x) => ops.flatten(ops.square(x)), [[3, 2, 2]])
    await expectGradients((x) => ops.permute(x, [2, 0, 1]), [[2, 3, 4]])
  })
  it('batchNorm in training (1D, 2D, 3D) and inference', async () => {
    for (const shape of [[5, 3], [3, 2, 3, 2], [2, 3, 2, 3, 2]]) {
      const c = shape[1]
      await expectGradients((x, s, b) => ops.batchNorm(x, s, b, { training: true }), [shape, [c], [c]])
      const running = { mean: Tensor.from(randomValues(c, 5), [c]), var: Tensor.from(randomValues(c, 6, 0.5, 2), [c]) }
      await expectGradients((x, s, b) => ops.batchNorm(x, s, b, { running }), [shape, [c], [c]])
    }
  })
  it('dropout with a fixed seed', async () => {
    await expectGradients((x) => ops.dropout(x, 0.4, { training: true, seed: 11 }), [[3, 7]])
  })
  it('softmaxCrossEntropy and mse', async () => {
    await expectGradients((x) => ops.softmaxCrossEntropy(x, Int32Array.from([2, 0, 1])), [[3, 4]])
    await expectGradients((p, t) => ops.mse(p, t), [[4, 3], [4, 3]])
  })

  it('catches a wrong backward (the check itself works)', async () => {
    const wrongSquare = (x: Tensor) => record('wrong', ops.square(x.detach()), [x], (g) => [ops.mul(g, x)])
    const r = await gradcheck(wrongSquare, [[4]])
    expect(r.maxError).toBeGreaterThan(0.1)
  })
})
