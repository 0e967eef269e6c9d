// The training loop end to end on the CPU: a small CNN learns the generated two-class task, the same seed
// gives the same loss curve and weights bit for bit, an AbortSignal stops a run, a NaN loss ends it with
// an error naming the step, and the events carry what the UI plots.
import { describe, expect, it } from 'vitest'
import { ArrayDataset } from '../../../engine/data/dataset.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { adam, sgd } from '../../../engine/optim/index.ts'
import { evaluate, train, type TrainEvent, type TrainOptions } from '../../../engine/train/index.ts'
import { bars, smallCnn } from './two-class.ts'

async function collect(run: AsyncIterable<TrainEvent>): Promise<TrainEvent[]> {
  const events: TrainEvent[] = []
  for await (const e of run) events.push(e)
  return events
}

const steps = (events: TrainEvent[]) => events.filter((e) => e.type === 'step')

describe('train', () => {
  it('a small CNN reaches ≥ 97% test accuracy on the two-class bars task', async () => {
    const model = buildModel(smallCnn(), { seed: 1 })
    const events = await collect(train({
      model, data: bars(600, 1), validation: bars(300, 2, 'bars test'), optimizer: adam({ lr: 0.01 }),
      epochs: 4, batchSize: 20, seed: 3,
    }))
    const epochs = events.filter((e) => e.type === 'epoch')
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4])
    expect(epochs[3].train.loss).toBeLessThan(epochs[0].train.loss)
    const test = await evaluate(model, bars(400, 4, 'bars held out'))
    expect(test.accuracy).toBeGreaterThanOrEqual(0.97)
    expect(epochs[3].validation!.accuracy).toBeGreaterThanOrEqual(0.97)
    // confusion rows sum to the class counts; its diagonal is the accuracy
    expect(test.confusion.map((r) => r[0] + r[1])).toEqual([200, 200])
    expect((test.confusion[0][0] + test.confusion[1][1]) / 400).toBe(test.accuracy)
    const done = events.at(-1)!
    expect(done).toMatchObject({ type: 'done', stopped: false, steps: 120, epochs: 4 })
  })

  it('step events: numbered from 1, every step once, with loss, accuracy, throughput and the scheduled rate', async () => {
    const events = await collect(train({
      model: buildModel(smallCnn()), data: bars(100, 5), optimizer: sgd({ lr: 0.1, momentum: 0.9 }),
      epochs: 2, batchSize: 16, reportEvery: 3, schedule: { kind: 'step', every: 4, gamma: 0.5, warmup: 2 },
    }))
    const s = steps(events)
    // 100 samples in batches of 16: 7 steps per epoch, the last of 4 samples
    expect(s.map((e) => e.step)).toEqual([...Array(14).keys()].map((i) => i + 1))
    expect(s.map((e) => e.epoch)).toEqual([...Array(14)].map((_, i) => (i < 7 ? 1 : 2)))
    expect(s.slice(0, 8).map((e) => e.lr)).toEqual([0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05])
    for (const e of s) {
      expect(e.loss).toBeGreaterThan(0)
      expect(e.accuracy).toBeGreaterThanOrEqual(0)
      expect(e.accuracy).toBeLessThanOrEqual(1)
      expect(e.imagesPerSecond).toBeGreaterThan(0)
    }
    // the last batch of an epoch holds 4 samples: accuracy in quarters
    expect((s[6].accuracy * 4) % 1).toBe(0)
    // the epoch's training loss is the sample-weighted mean of its steps
    const epoch1 = events.find((e) => e.type === 'epoch' && e.epoch === 1)!
    const weighted = s.slice(0, 7).reduce((n, e, i) => n + e.loss * (i === 6 ? 4 : 16), 0) / 100
    expect(epoch1.type === 'epoch' && epoch1.train.loss).toBeCloseTo(weighted, 6)
  })

  it('the same seed gives the same weights and the same loss curve, bit for bit', async () => {
    const run = async (seed: number) => {
      const model = buildModel(smallCnn(), { seed })
      const options: TrainOptions = {
        model, data: bars(120, 6), optimizer: sgd({ lr: 0.05, momentum: 0.9 }), epochs: 2, batchSize: 16, seed,
      }
      const losses = steps(await collect(train(options))).map((e) => e.loss)
      const weights = await Promise.all([...model.parameters().values()].map((t) => t.read()))
      return { losses, weights }
    }
    const [a, b, c] = [await run(7), await run(7), await run(8)]
    expect(b.losses).toEqual(a.losses)
    expect(b.weights).toEqual(a.weights)
    expect(c.losses).not.toEqual(a.losses)
  })

  it('a run resumed from its checkpoint after epoch 1 goes on exactly as the uninterrupted run', async () => {
    const options = (model: ReturnType<typeof buildModel>, optimizer: ReturnType<typeof adam>): TrainOptions => ({
      model, optimizer, data: bars(96, 9), epochs: 3, batchSize: 16, seed: 4, reportEvery: 4,
      schedule: { kind: 'cosine', steps: 18, warmup: 3 },
    })
    const whole = buildModel(smallCnn(), { seed: 2 })
    const straight = steps(await collect(train(options(whole, adam({ lr: 0.02 })))))

    const first = buildModel(smallCnn(), { seed: 2 })
    const firstOptimizer = adam({ lr: 0.02 })
    const controller = new AbortController()
    const head: TrainEvent[] = []
    for await (const e of train({ ...options(first, firstOptimizer), signal: controller.signal })) {
      head.push(e)
      if (e.type === 'epoch') controller.abort()
    }
    expect(head.at(-1)).toMatchObject({ type: 'done', stopped: true, steps: 6, epochs: 1 })
    // the checkpoint: parameters, buffers and optimizer state, loaded into a fresh model and optimizer
    const weights = new Map<string, Float32Array>()
    for (const [k, t] of [...first.parameters(), ...first.buffers()]) weights.set(k, await t.read())
    const state = await firstOptimizer.saveState()
    const resumed = buildModel(smallCnn(), { seed: 99 })
    resumed.loadParameters(weights)
    const optimizer = adam({ lr: 0.02 })
    optimizer.loadState(state)
    const tail = await collect(train({ ...options(resumed, optimizer), resume: { epoch: 1, step: 6 } }))

    expect([...steps(head), ...steps(tail)]).toEqual(straight.map((e) => ({ ...e, imagesPerSecond: expect.any(Number) })))
    expect(tail.filter((e) => e.type === 'epoch').map((e) => e.epoch)).toEqual([2, 3])
    expect(tail.at(-1)).toMatchObject({ type: 'done', stopped: false, steps: 18, epochs: 3 })
    const read = (m: ReturnType<typeof buildModel>) => Promise.all([...m.parameters().values()].map((t) => t.read()))
    expect(await read(resumed)).toEqual(await read(whole))
    await expect(train({ ...options(resumed, optimizer), resume: { epoch: 3, step: 18 } }).next()).rejects.toThrow(/cannot resume after epoch 3/)
  })

  it('an AbortSignal stops the run between steps', async () => {
    const controller = new AbortController()
    const events: TrainEvent[] = []
    for await (const e of train({
      model: buildModel(smallCnn()), data: bars(400, 7), optimizer: sgd({ lr: 0.05 }),
      epochs: 5, batchSize: 8, reportEvery: 2, signal: controller.signal,
    })) {
      events.push(e)
      if (e.type === 'step' && e.step === 4) controller.abort()
    }
    const done = events.at(-1)!
    expect(done).toMatchObject({ type: 'done', stopped: true, steps: 4, epochs: 0 })
    expect(events.some((e) => e.type === 'epoch')).toBe(false)
  })

  it('a NaN loss ends the run with an error naming the step', async () => {
    const data = bars(64, 8)
    const x = new Float32Array(64 * 100).fill(Number.NaN)
    const poisoned = new ArrayDataset('nan', [1, 10, 10], data.classes, x, new Int32Array(64))
    // a linear model: ReLU would turn NaN into 0
    const linear = smallCnn()
    linear.nodes = [linear.nodes[0], { id: 'f', op: 'flatten', inputs: ['in'] }, { id: 'out', op: 'dense', inputs: ['f'], units: 2 }]
    const run = train({ model: buildModel(linear), data: poisoned, optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 16 })
    await expect(collect(run)).rejects.toThrow(/loss is NaN at step 1 \(epoch 1/)
    // divergence: a huge rate blows the loss up within a few steps
    const diverging = train({ model: buildModel(smallCnn()), data, optimizer: sgd({ lr: 1e12 }), epochs: 3, batchSize: 8 })
    const seen: TrainEvent[] = []
    const error = await (async () => { try { for await (const e of diverging) seen.push(e) } catch (e) { return e as Error } })()
    expect(error?.message).toMatch(/training diverged: the loss is (NaN|Infinity) at step \d+/)
    // every step before the bad one was reported, in order
    const bad = Number(/at step (\d+)/.exec(error!.message)![1])
    expect(steps(seen).map((e) => e.step)).toEqual([...Array(bad - 1).keys()].map((i) => i + 1))
  })

  it('refuses data that does not fit the model, naming both shapes, and a malformed schedule', async () => {
    const wrong = new ArrayDataset('tiny', [1, 4, 4], ['a', 'b'], new Float32Array(32), new Int32Array(2))
    const run = train({ model: buildModel(smallCnn()), data: wrong, optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 2 })
    await expect(collect(run)).rejects.toThrow(/tiny holds 1×4×4 samples but the model's input is 1×10×10/)
    const three = new ArrayDataset('three', [1, 10, 10], ['a', 'b', 'c'], new Float32Array(300), new Int32Array(3))
    await expect(collect(train({ model: buildModel(smallCnn()), data: three, optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 2 })))
      .rejects.toThrow(/three has 3 classes but the model's output is 2/)
    const badSchedule = train({ model: buildModel(smallCnn()), data: bars(8, 1), optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 2, schedule: { kind: 'step', every: 0, gamma: 0.5 } })
    await expect(collect(badSchedule)).rejects.toThrow(/train: step schedule: every must be/)
  })
})
