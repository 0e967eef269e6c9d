// evaluate(): sample-weighted mean loss over uneven batches, accuracy and the confusion matrix, checked
// against cross-entropy computed here in float64 from logits we set through the weights.
import { describe, expect, it } from 'vitest'
import { ArrayDataset } from '../../../engine/data/dataset.ts'
import { FORMAT } from '../../../engine/graph/index.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { evaluate } from '../../../engine/train/index.ts'

describe('evaluate', () => {
  it('loss, accuracy and confusion over batches of uneven size', async () => {
    // a dense layer 2 → 3 with weights I-like: logits = [x0, x1, x0 + x1]
    const model = buildModel({
      format: FORMAT, output: 'fc',
      nodes: [{ id: 'in', op: 'input', shape: [2] }, { id: 'fc', op: 'dense', inputs: ['in'], units: 3 }],
    })
    model.loadParameters(new Map([['fc.weight', [1, 0, 0, 1, 1, 1]], ['fc.bias', [0, 0, 0]]]))
    const x = [2, -1, /**/ -1, 3, /**/ 1, 1, /**/ 0.5, -2, /**/ -3, 2]
    const labels = [0, 1, 2, 1, 1]
    const data = new ArrayDataset('five', [2], ['a', 'b', 'c'], Float32Array.from(x), Int32Array.from(labels))
    const result = await evaluate(model, data, { batchSize: 2 })
    // by hand: predicted 0, 1, 2, 0, 1 → 4 of 5 right
    expect(result.accuracy).toBe(0.8)
    expect(result.samples).toBe(5)
    expect(result.confusion).toEqual([[1, 0, 0], [1, 2, 0], [0, 0, 1]])
    let loss = 0
    for (let i = 0; i < 5; i++) {
      const z = [x[2 * i], x[2 * i + 1], x[2 * i] + x[2 * i + 1]]
      const m = Math.max(...z)
      loss += m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[labels[i]]
    }
    expect(result.loss).toBeCloseTo(loss / 5, 5)
  })

  it('refuses an empty dataset by name', async () => {
    const model = buildModel({ format: FORMAT, output: 'fc', nodes: [{ id: 'in', op: 'input', shape: [2] }, { id: 'fc', op: 'dense', inputs: ['in'], units: 3 }] })
    const empty = new ArrayDataset('nothing', [2], ['a', 'b', 'c'], new Float32Array(0), new Int32Array(0))
    await expect(evaluate(model, empty)).rejects.toThrow(/nothing has no samples/)
  })
})
