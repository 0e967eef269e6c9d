// train(): the training loop as an async iterator of events. Each step runs forward, loss, backward and
// an optimizer update on the device without reading back; each step's loss and its count of correct
// predictions (argmax compared with the labels on the device) stay there and are read back, two scalars a
// step, in groups (reportEvery steps), which is when step events are yielded, NaN is caught and the AbortSignal is
// honoured. The same seed gives the same batches, dropout masks and so, on CPU, the same loss curve.

import type { Dataset } from '../data/dataset.ts'
import { batches, type BatchOptions } from '../data/batches.ts'
import type { Model } from '../graph/build.ts'
import type { Optimizer } from '../optim/optimizer.ts'
import { checkSchedule, learningRate, type ScheduleSpec } from '../optim/schedule.ts'
import { binaryRaw } from '../ops/arith.ts'
import { ops } from '../ops/index.ts'
import { deriveSeed } from '../random.ts'
import { Tensor } from '../tensor.ts'
import { evaluate } from './evaluate.ts'
import type { StepEvent, TrainEvent } from './events.ts'

export interface TrainOptions {
  model: Model
  data: Dataset
  /** evaluated after every epoch when given */
  validation?: Dataset
  optimizer: Optimizer
  epochs: number
  batchSize: number
  /** batch order and dropout masks; default 0 */
  seed?: number
  signal?: AbortSignal
  /** default constant */
  schedule?: ScheduleSpec
  /** continue a run whose first `epoch` epochs (`step` updates) are done: the model and optimizer hold their
   *  checkpoint, `epochs` stays the run's total, and batches, masks, rates and numbering go on as if uninterrupted */
  resume?: { epoch: number; step: number }
  /** steps per readback of losses; default 20 */
  reportEvery?: number
  augment?: BatchOptions['augment']
  normalize?: BatchOptions['normalize']
}

/** a step whose loss and count of correct predictions are still on the device */
interface Pending { step: number; epoch: number; lr: number; loss: Tensor; correct: Tensor; count: number }

/** how many rows' largest logit (the first on ties) is their label, as a scalar on the logits' device */
function correctOnDevice(logits: Tensor, labels: Int32Array): Tensor {
  const truth = Tensor.fromInt(labels, [labels.length], logits.backend)
  const predicted = ops.argmax(logits, 1)
  const hits = binaryRaw('eq', predicted, truth)
  const correct = ops.sum(hits)
  for (const t of [truth, predicted, hits]) t.dispose()
  return correct
}

/** lets a pending abort (or any other task) run between groups of synchronous CPU steps */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function checkOptions(o: TrainOptions): void {
  const whole = (v: number, min: number) => Number.isInteger(v) && v >= min
  if (!whole(o.epochs, 1)) throw new Error(`train: epochs must be a whole number ≥ 1, got ${o.epochs}`)
  if (!whole(o.batchSize, 1)) throw new Error(`train: batch size must be a whole number ≥ 1, got ${o.batchSize}`)
  const badSchedule = o.schedule && checkSchedule(o.schedule)
  if (badSchedule) throw new Error(`train: ${badSchedule}`)
  if (o.resume && !(whole(o.resume.epoch, 0) && o.resume.epoch < o.epochs && whole(o.resume.step, 0))) {
    throw new Error(`train: cannot resume after epoch ${o.resume.epoch} (step ${o.resume.step}) of a ${o.epochs}-epoch run`)
  }
  const shape = o.data.inputShape.join('×')
  if (shape !== o.model.inputShape.join('×')) {
    throw new Error(`train: ${o.data.name} holds ${shape} samples but the model's input is ${o.model.inputShape.join('×')}`)
  }
  const classes = o.model.outputShape
  if (classes.length !== 1 || classes[0] < o.data.classes.length) {
    throw new Error(`train: ${o.data.name} has ${o.data.classes.length} classes but the model's output is ${classes.join('×')}; it needs one score per class`)
  }
}

export async function* train(o: TrainOptions): AsyncGenerator<TrainEvent> {
  checkOptions(o)
  const { model, optimizer, seed = 0, schedule = { kind: 'constant' }, reportEvery = 20 } = o
  const params = model.parameters()
  const started = performance.now()
  let step = o.resume?.step ?? 0
  let pending: Pending[] = []
  let groupStart = 0
  let epochLoss = 0
  let epochCorrect = 0
  let epochSamples = 0

  /** reads back the pending steps and yields their events; throws at the first non-finite loss */
  async function* flush(): AsyncGenerator<StepEvent> {
    const group = pending
    pending = []
    if (group.length === 0) return
    // two scalars per step cross back, never the logits
    const values = await Promise.all(group.flatMap((p) => [p.loss.read(), p.correct.read()]))
    for (const p of group) { p.loss.dispose(); p.correct.dispose() }
    const images = group.reduce((n, p) => n + p.count, 0)
    const imagesPerSecond = images / Math.max((performance.now() - groupStart) / 1000, 1e-9)
    groupStart = performance.now()
    for (const [i, p] of group.entries()) {
      const loss = values[2 * i][0]
      if (!Number.isFinite(loss)) {
        throw new Error(`training diverged: the loss is ${loss} at step ${p.step} (epoch ${p.epoch}, learning rate ${p.lr}); try a lower learning rate`)
      }
      const correct = values[2 * i + 1][0]
      epochLoss += loss * p.count
      epochCorrect += correct
      epochSamples += p.count
      yield { type: 'step', step: p.step, epoch: p.epoch, loss, accuracy: correct / p.count, imagesPerSecond, lr: p.lr }
    }
  }

  let epoch = 0
  let stopped = false
  for (epoch = (o.resume?.epoch ?? 0) + 1; epoch <= o.epochs && !stopped; epoch++) {
    const epochStart = performance.now()
    epochLoss = epochCorrect = epochSamples = 0
    groupStart = epochStart // not counting the previous epoch's validation
    const order = { batchSize: o.batchSize, shuffle: true, seed, epoch, augment: o.augment, normalize: o.normalize }
    for (const batch of batches(o.data, order)) {
      if (o.signal?.aborted) { stopped = true; break }
      const lr = learningRate(schedule, optimizer.lr, step)
      step++
      const x = Tensor.from(batch.x, [batch.count, ...model.inputShape])
      const logits = model.forward(x, { training: true, seed: deriveSeed(seed, step) })
      const loss = ops.softmaxCrossEntropy(logits, batch.labels)
      loss.backward()
      optimizer.step(params, lr)
      optimizer.zeroGrad(params)
      x.dispose()
      pending.push({ step, epoch, lr, loss: loss.detach(), correct: correctOnDevice(logits, batch.labels), count: batch.count })
      logits.dispose()
      if (pending.length >= reportEvery) {
        yield* flush()
        await yieldToEventLoop()
      }
    }
    yield* flush()
    if (stopped) break
    const train = { loss: epochLoss / epochSamples, accuracy: epochCorrect / epochSamples }
    const seconds = (performance.now() - epochStart) / 1000
    const v = o.validation && await evaluate(model, o.validation, { normalize: o.normalize })
    yield { type: 'epoch', epoch, train, ...(v ? { validation: { loss: v.loss, accuracy: v.accuracy } } : {}), seconds }
  }
  yield { type: 'done', stopped, steps: step, epochs: stopped ? epoch - 1 : o.epochs, seconds: (performance.now() - started) / 1000 }
}
