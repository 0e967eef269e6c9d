// Step accuracy is counted on the device (argmax compared with the labels there) so only two scalars per
// step are read back; it must equal what the host computes from the same batch's logits. With a rate far
// below float32's resolution the weights do not move, so each step's batch can be replayed afterwards.
import { describe, expect, it } from 'vitest'
import { noGrad } from '../../../engine/autograd.ts'
import { batches } from '../../../engine/data/batches.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { adam, sgd } from '../../../engine/optim/index.ts'
import { Tensor } from '../../../engine/tensor.ts'
import { countCorrect, predictions, train, type TrainEvent } from '../../../engine/train/index.ts'
import { bars, smallCnn } from './two-class.ts'

async function collect(run: AsyncIterable<TrainEvent>): Promise<TrainEvent[]> {
  const events: TrainEvent[] = []
  for await (const e of run) events.push(e)
  return events
}

describe('train: accuracy on the device', () => {
  it('equals the host count from each batch\'s logits, step by step and over the epoch', async () => {
    const model = buildModel(smallCnn(), { seed: 1 })
    const data = bars(130, 5)
    // half-trained, so batches differ in how many they get right
    await collect(train({ model, data: bars(60, 1), optimizer: adam({ lr: 0.01 }), epochs: 1, batchSize: 20, seed: 3 }))
    const weights = await Promise.all([...model.parameters().values()].map((t) => t.read()))
    const events = await collect(train({ model, data, optimizer: sgd({ lr: 1e-30 }), epochs: 1, batchSize: 20, seed: 9, reportEvery: 3 }))
    const after = await Promise.all([...model.parameters().values()].map((t) => t.read()))
    expect(after).toEqual(weights) // the replay below sees the weights each step saw

    const expected: number[] = []
    let correct = 0
    for (const batch of batches(data, { batchSize: 20, shuffle: true, seed: 9, epoch: 1 })) {
      const x = Tensor.from(batch.x, [batch.count, ...model.inputShape])
      const logits = noGrad(() => model.forward(x))
      const right = countCorrect(predictions(await logits.read(), batch.count, 2), batch.labels)
      expected.push(right / batch.count)
      correct += right
    }
    const steps = events.filter((e) => e.type === 'step')
    expect(steps.map((e) => e.accuracy)).toEqual(expected)
    expect(new Set(expected).size).toBeGreaterThan(1)
    const epoch = events.find((e) => e.type === 'epoch')!
    expect(epoch.train.accuracy).toBe(correct / 130)
  })
})
