// Behaviour beyond single values: dropout's mask and scaling, batchNorm's training vs inference,
// softmax cross-entropy on huge logits, and errors that name the op and the shapes.
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import { randomValues } from '../gradcheck.ts'

describe('dropout', () => {
  const x = Tensor.ones([100, 50])

  it('is the identity at inference', async () => {
    expect(ops.dropout(x, 0.5, { training: false })).toBe(x)
  })

  it('zeroes about p of the values, scales the rest by 1/(1-p), and replays a seed', async () => {
    const a = await ops.dropout(x, 0.25, { training: true, seed: 9 }).read()
    const zeros = a.filter((v) => v === 0).length
    expect(zeros / a.length).toBeCloseTo(0.25, 1)
    expect(a.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true)
    expect(Array.from(await ops.dropout(x, 0.25, { training: true, seed: 9 }).read())).toEqual(Array.from(a))
    expect(Array.from(await ops.dropout(x, 0.25, { training: true, seed: 10 }).read())).not.toEqual(Array.from(a))
  })

  it('refuses p outside [0, 1]', () => {
    expect(() => ops.dropout(x, 1.5, { training: true })).toThrow('dropout: p must be in [0, 1], got 1.5')
  })
})

describe('batchNorm', () => {
  const c = 3
  const x = Tensor.from(randomValues(4 * c * 5, 1, -2, 6), [4, c, 5])
  const scale = Tensor.ones([c]), shift = Tensor.zeros([c])

  it('normalises each channel with batch statistics in training', async () => {
    const y = await ops.batchNorm(x, scale, shift, { training: true }).read()
    for (let ch = 0; ch < c; ch++) {
      const v: number[] = []
      for (let n = 0; n < 4; n++) for (let i = 0; i < 5; i++) v.push(y[(n * c + ch) * 5 + i])
      const mean = v.reduce((s, a) => s + a, 0) / v.length
      const variance = v.reduce((s, a) => s + (a - mean) ** 2, 0) / v.length
      expect(mean).toBeCloseTo(0, 5)
      expect(variance).toBeCloseTo(1, 3)
    }
  })

  it('uses the running statistics at inference and leaves them alone', async () => {
    const running = { mean: Tensor.from([1, 2, 3], [c]), var: Tensor.from([4, 4, 4], [c]) }
    const y = await ops.batchNorm(x, scale, shift, { running }).read()
    const xv = await x.read()
    expect(y[0]).toBeCloseTo((xv[0] - 1) / Math.sqrt(4 + 1e-5), 5)
    expect(y[5]).toBeCloseTo((xv[5] - 2) / Math.sqrt(4 + 1e-5), 5)
    expect(Array.from(await running.mean.read())).toEqual([1, 2, 3])
  })

  it('says what does not fit', () => {
    expect(() => ops.batchNorm(x, Tensor.ones([4]), shift, { training: true })).toThrow('batchNorm: scale [4] does not match 3 channels of input [4,3,5]')
    expect(() => ops.batchNorm(x, scale, shift)).toThrow('inference needs running statistics')
  })
})

describe('softmaxCrossEntropy', () => {
  it('stays finite and exact for logits of 1e4', async () => {
    const logits = Tensor.from([1e4, 0, -1e4, 0, 1e4, 1e4 - 1], [2, 3], { requiresGrad: true })
    const loss = ops.softmaxCrossEntropy(logits, Int32Array.from([0, 2]))
    const [value] = await loss.read()
    // row 0: the right class wins by 1e4 (loss 0); row 1: label 2 trails the best logit by 1 (loss 1 + log(1 + e⁻¹))
    expect(value).toBeCloseTo((0 + Math.log(1 + Math.exp(-1)) + 1) / 2, 5)
    loss.backward()
    expect((await logits.grad!.read()).every(Number.isFinite)).toBe(true)
  })

  it('names the op when labels do not fit', () => {
    const logits = Tensor.zeros([2, 3])
    expect(() => ops.softmaxCrossEntropy(logits, Int32Array.from([0]))).toThrow('softmaxCrossEntropy: 1 labels for logits [2,3]')
    expect(() => ops.softmaxCrossEntropy(logits, Int32Array.from([0, 3]))).toThrow('label 3 of row 1 is not in 0..2')
  })
})

describe('shape errors', () => {
  it('concat, reshape, mse and axes say what does not fit', () => {
    expect(() => ops.concat([Tensor.zeros([2, 3, 4]), Tensor.zeros([2, 3, 5])])).toThrow('concat: shapes [2,3,4] and [2,3,5] differ outside axis 1')
    expect(() => ops.reshape(Tensor.zeros([2, 3]), [4, -1])).toThrow('reshape: [2,3] (6 values) cannot become [4,-1]')
    expect(() => ops.mse(Tensor.zeros([2]), Tensor.zeros([3]))).toThrow('mse: prediction [2] and target [3] differ')
    expect(() => ops.sum(Tensor.zeros([2]), 3)).toThrow('sum: axis 3 is out of range for shape [2]')
  })
})
