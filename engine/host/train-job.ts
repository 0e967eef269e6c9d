// The training job of an engine host: pick the backend, open the data (injected: a Node host loads it
// itself, the window host gets it from main; train-data.ts), build the model, optionally restore a checkpoint, then drive engine/train and turn its events into host events,
// adding snapshots (at the start, spread over the first epoch, at every epoch end) and a checkpoint at
// every epoch end. Between two events it gives main's pause and stop messages their chance.

import type { Backend } from '../backend/backend.ts'
import { backendReason, setBackend } from '../backend/select.ts'
import { buildModel, type Model } from '../graph/build.ts'
import { adam, adamw, sgd, type Optimizer } from '../optim/index.ts'
import { train } from '../train/train.ts'
import type { JobRunner } from './host-session.ts'
import type { Hyper } from './job.ts'
import { firstEpochSnapshots } from './snapshot-schedule.ts'
import type { OpenTrainData } from './train-data.ts'
import { checkpointOf, restoreCheckpoint, snapshotTensors } from './weights.ts'

function optimizerFor(o: Hyper['optimizer']): Optimizer {
  if (o.kind === 'sgd') return sgd(o)
  const { kind, ...options } = o
  return kind === 'adam' ? adam(options) : adamw(options)
}

/** the GPU's name, for the run's record; the CPU has none */
const adapterOf = (device: Backend): string | null =>
  'adapterName' in device && typeof device.adapterName === 'string' ? device.adapterName : null

/** the training job over data opened by `openData` */
export const trainJobWith = (openData: OpenTrainData): JobRunner => async (job, control, emit) => {
  const { hyper } = job
  const start = job.resume ?? { step: 0, epoch: 0 }
  const device = await setBackend(job.backend)
  // a stop during a long import aborts it: that is a stop, not a failure
  const data = await openData(job.dataset, control.signal).catch((err: unknown) => {
    if (control.stopRequested) return null
    throw err
  })
  if (!data) return { outcome: 'stopped', step: start.step, epoch: start.epoch }
  const model: Model = buildModel(job.spec, { seed: job.seed })
  const optimizer = optimizerFor(hyper.optimizer)
  if (job.resume) restoreCheckpoint(model, optimizer, job.resume)
  const stepsPerEpoch = Math.ceil(data.train.length / hyper.batchSize)
  emit({
    type: 'started', backend: device.name, adapter: adapterOf(device), backendNote: backendReason(), step: start.step, epoch: start.epoch,
    stepsPerEpoch, totalSteps: stepsPerEpoch * hyper.epochs,
    samples: { train: data.train.length, validation: data.validation?.length ?? 0 },
  })
  const snapshot = async (step: number, epoch: number) => emit({ type: 'snapshot', step, epoch, tensors: await snapshotTensors(model) })
  const early = start.epoch === 0 ? firstEpochSnapshots(stepsPerEpoch, hyper.snapshotsInFirstEpoch, hyper.reportEvery) : new Set<number>()
  if (start.epoch === 0) await snapshot(0, 0)

  let { step, epoch } = start
  // a run killed between its last checkpoint and its `done` has nothing left to train
  if (epoch >= hyper.epochs) return { outcome: 'done', step, epoch }
  await data.setEpoch(epoch + 1)
  // train() continues batches, dropout masks, rates and numbering from the checkpoint as if never interrupted
  const events = train({
    model, data: data.train, validation: data.validation, optimizer, epochs: hyper.epochs, batchSize: hyper.batchSize,
    seed: job.seed, signal: control.signal, schedule: hyper.schedule, reportEvery: hyper.reportEvery,
    resume: job.resume ? { epoch: start.epoch, step: start.step } : undefined,
  })
  for await (const e of events) {
    if (e.type === 'step') {
      step = e.step
      emit({ type: 'progress', step, epoch: e.epoch, loss: e.loss, accuracy: e.accuracy, imagesPerSecond: e.imagesPerSecond, lr: e.lr })
      if (early.has(step)) await snapshot(step, 1)
    } else if (e.type === 'epoch') {
      epoch = e.epoch
      emit({ type: 'epoch', step, epoch, train: e.train, validation: e.validation ?? null, seconds: e.seconds })
      await snapshot(step, epoch)
      emit({ type: 'checkpoint', step, epoch, ...(await checkpointOf(model, optimizer, epoch, step)) })
      if (epoch < hyper.epochs) await data.setEpoch(epoch + 1) // no draws (nor a transfer) for an epoch never trained
    } else {
      return { outcome: e.stopped ? 'stopped' : 'done', step, epoch }
    }
    if (!(await control.between(step))) return { outcome: 'stopped', step, epoch }
  }
  return { outcome: control.stopRequested ? 'stopped' : 'done', step, epoch }
}
