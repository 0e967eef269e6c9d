// The data a training job trains on, injected so the job itself never loads files: a Node host opens the
// dataset itself (node-data.ts); the window host, a page with no file system, asks main for decoded
// arrays over its port (remoteTrainData below, served by main/services/runs/window-data.ts). An epoch's
// training split is sent again only when augmentation makes each epoch's samples differ.

import { ArrayDataset, type Dataset } from '../data/dataset.ts'

export interface TrainData {
  readonly train: Dataset
  readonly validation?: Dataset
  /** called at each epoch start (new augmentation draws); awaited before the epoch trains */
  setEpoch(epoch: number): void | Promise<void>
}

/** opens the job's dataset (its spec, unchecked); a stop aborts `signal` */
export type OpenTrainData = (dataset: unknown, signal: AbortSignal) => Promise<TrainData>

/** one split as decoded arrays, channels first */
export interface WireSplit { name: string; inputShape: number[]; classes: string[]; x: Float32Array; labels: Int32Array }

/** page → main: the training split as epoch `epoch` draws it (and, the first time, the validation split) */
export interface DataRequest { type: 'data'; epoch: number }
/** main → page */
export type DataReply =
  | { type: 'data'; epoch: number; augmented: boolean; train: WireSplit; validation: WireSplit | null }
  | { type: 'data'; epoch: number; error: string }

export const isDataMessage = (m: unknown): m is DataRequest | DataReply =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'data'

/** every sample of a split, as the dataset reads it now */
export function wireSplit(ds: Dataset): WireSplit {
  const size = ds.inputShape.reduce((a, b) => a * b, 1)
  const x = new Float32Array(ds.length * size)
  const labels = new Int32Array(ds.length)
  for (let i = 0; i < ds.length; i++) {
    ds.read(i, x, i * size)
    labels[i] = ds.label(i)
  }
  return { name: ds.name, inputShape: [...ds.inputShape], classes: [...ds.classes], x, labels }
}

// ArrayDataset checks that the values make whole samples: a reply is foreign input
const arrays = (w: WireSplit) => new ArrayDataset(w.name, w.inputShape, w.classes, w.x, w.labels)

/** a training split whose samples are replaced at each epoch (the loop holds one Dataset for the run) */
class EpochDataset implements Dataset {
  constructor(private current: Dataset) {}
  get name() { return this.current.name }
  get inputShape() { return this.current.inputShape }
  get classes() { return this.current.classes }
  get length() { return this.current.length }
  label(i: number) { return this.current.label(i) }
  read(i: number, out: Float32Array, offset: number) { this.current.read(i, out, offset) }
  replace(next: Dataset) {
    if (next.length !== this.current.length) throw new Error(`epoch data has ${next.length} samples, the run has ${this.current.length}`)
    this.current = next
  }
}

/** the page's end: asks main for the data over `post` and hears replies through the returned `receive` */
export function remoteTrainData(post: (m: DataRequest) => void): { open: OpenTrainData; receive: (m: DataReply) => void } {
  const waiting = new Map<number, { done: (r: DataReply) => void; fail: (e: unknown) => void }>()
  const ask = (epoch: number, signal: AbortSignal) => new Promise<Extract<DataReply, { train: WireSplit }>>((done, fail) => {
    if (signal.aborted) return fail(signal.reason)
    signal.addEventListener('abort', () => fail(signal.reason), { once: true })
    waiting.set(epoch, {
      done: r => ('error' in r ? fail(new Error(r.error)) : done(r)),
      fail,
    })
    post({ type: 'data', epoch })
  })
  const open: OpenTrainData = async (_dataset, signal) => {
    const first = await ask(1, signal)
    const train = new EpochDataset(arrays(first.train))
    let epoch = 1
    return {
      train,
      validation: first.validation ? arrays(first.validation) : undefined,
      async setEpoch(next) {
        if (!first.augmented || next === epoch) return
        train.replace(arrays((await ask(next, signal)).train))
        epoch = next
      },
    }
  }
  const receive = (m: DataReply) => {
    const w = waiting.get(m.epoch)
    waiting.delete(m.epoch)
    w?.done(m)
  }
  return { open, receive }
}
