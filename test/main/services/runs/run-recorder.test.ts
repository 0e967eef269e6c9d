// The recorder against a real project file: host messages become the right rows, ordinary events are
// batched into one transaction per window, and the events a resume or a reader depends on are written at once.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROTOCOL_VERSION, type HostMessage } from '../../../../engine/host/protocol.ts'
import { RunRecorder, storeEvents } from '../../../../main/services/runs/run-recorder.ts'
import { ProjectStore, type StoreEvent } from '../../../../main/store/index.ts'
import { tempDir, tinySpec } from '../../store/files.ts'

let dir: string
let cleanup: () => void
let store: ProjectStore
let runId: number
beforeEach(() => {
  ({ dir, cleanup } = tempDir())
  store = ProjectStore.create(`${dir}/p.receptive`, { appVersion: 'test' })
  runId = store.runs.create({ name: 'r', spec: tinySpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 }, 'running')
})
afterEach(() => {
  store.close()
  cleanup()
})

let seq = 0
const msg = (m: Record<string, unknown>) => ({ v: PROTOCOL_VERSION, seq: ++seq, runId, ...m }) as HostMessage
const progress = (step: number, loss = 2 / step) => msg({ type: 'progress', step, epoch: 1, loss, accuracy: step / 100, imagesPerSecond: 500, lr: 0.01 })
const weight = (v: number) => ({ shape: [2, 2], data: Float32Array.of(v, v + 1, v + 2, v + 3) })

describe('storeEvents', () => {
  it('maps progress to step metrics and an epoch to train and val epoch metrics', () => {
    expect(storeEvents(runId, progress(4, 0.5))).toEqual([{ kind: 'metrics', runId, step: 4, epoch: 1, scope: 'step', split: 'train',
      values: { loss: 0.5, accuracy: 0.04, images_per_second: 500, lr: 0.01 } }])
    const epoch = storeEvents(runId, msg({ type: 'epoch', step: 10, epoch: 1, train: { loss: 1, accuracy: 0.5 }, validation: { loss: 2, accuracy: 0.4 }, seconds: 3 }))
    expect(epoch.map(e => e.kind === 'metrics' && [e.scope, e.split, e.values])).toEqual([
      ['epoch', 'train', { loss: 1, accuracy: 0.5, seconds: 3 }], ['epoch', 'val', { loss: 2, accuracy: 0.4 }]])
  })

  it('gives one snapshot row per tensor and none for status messages', () => {
    const snap = storeEvents(runId, msg({ type: 'snapshot', step: 0, epoch: 0, tensors: [
      { node: 'c1', param: 'weight', tensor: weight(1) }, { node: 'c1', param: 'bias', tensor: { shape: [1], data: Float32Array.of(0) } }] }))
    expect(snap.map(e => e.kind === 'snapshot' && `${e.node}.${e.param}`)).toEqual(['c1.weight', 'c1.bias'])
    for (const type of ['paused', 'resumed']) expect(storeEvents(runId, msg({ type, step: 1 }))).toEqual([])
    expect(storeEvents(runId, msg({ type: 'done', step: 1, epoch: 1 }))).toEqual([])
  })
})

describe('RunRecorder', () => {
  it('writes ordinary events in one batch when the window closes', async () => {
    const commits: (readonly StoreEvent[])[] = []
    const rec = new RunRecorder(store, { maxDelayMs: 30, onCommit: b => commits.push(b) })
    for (let s = 1; s <= 5; s++) rec.record(runId, progress(s))
    expect(store.metrics.series(runId)).toEqual([]) // nothing before the window closes
    await new Promise(r => setTimeout(r, 80))
    expect(commits.map(b => b.length)).toEqual([5])
    const loss = store.metrics.series(runId, { scope: 'step' }).find(s => s.name === 'loss')!
    expect(loss.step).toEqual([1, 2, 3, 4, 5])
    expect(loss.value).toEqual([2, 1, 2 / 3, 0.5, 0.4])
  })

  it('closes a batch early when it is full', () => {
    const commits: number[] = []
    const rec = new RunRecorder(store, { maxDelayMs: 10_000, maxEvents: 4, onCommit: b => commits.push(b.length) })
    for (let s = 1; s <= 9; s++) rec.record(runId, progress(s))
    expect(commits).toEqual([4, 4])
    rec.flush()
    expect(commits).toEqual([4, 4, 1])
  })

  it('writes a checkpoint, with everything before it, at once', () => {
    const rec = new RunRecorder(store, { maxDelayMs: 10_000 })
    rec.record(runId, progress(1))
    rec.record(runId, msg({ type: 'checkpoint', step: 1, epoch: 1, state: { epoch: 1, step: 1 },
      weights: { 'c1.weight': weight(3) }, optimizer: { 'c1.weight/momentum': weight(7) } }))
    const cp = store.checkpoints.latest(runId)!
    expect(cp).toMatchObject({ step: 1, epoch: 1, state: { epoch: 1, step: 1 } })
    expect(cp.weights['c1.weight']).toEqual(weight(3))
    expect(cp.optimizer['c1.weight/momentum']).toEqual(weight(7))
    expect(store.metrics.series(runId)[0].step).toEqual([1])
  })

  it('records a diverged loss as NaN', () => {
    const rec = new RunRecorder(store)
    rec.record(runId, progress(1, NaN))
    rec.flush()
    const loss = store.metrics.series(runId).find(s => s.name === 'loss')!
    expect(loss.value[0]).toBeNaN()
  })
})
