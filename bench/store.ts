// The project-file figures of issue 6: what recording a training run costs main (the run recorder writing
// every host event, snapshots and checkpoints included, into a real project file) relative to the training
// time, and how long ProjectStore.open takes on a project holding 100 recorded runs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildModel } from '../engine/graph/build.ts'
import { TEMPLATES } from '../engine/graph/templates.ts'
import { serveJob, type HostChannel } from '../engine/host/host-session.ts'
import type { JobInput } from '../engine/host/job.ts'
import { openNodeData } from '../engine/host/node-data.ts'
import { PROTOCOL_VERSION, type HostMessage } from '../engine/host/protocol.ts'
import { trainJobWith } from '../engine/host/train-job.ts'
import { snapshotTensors } from '../engine/host/weights.ts'
import { RunRecorder } from '../main/services/runs/run-recorder.ts'
import { ProjectStore, type StoreEvent } from '../main/store/index.ts'
import { median } from './measure.ts'

const DATASET = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'fashion-mnist' } }
const HYPER = { batchSize: 64, optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 } } as const

/** a fresh temp folder for `fn`, removed afterwards */
async function inTemp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-bench-store-'))
  try { return await fn(dir) } finally { rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Percent of training time main spends recording. The real training job (engine/host/train-job.ts, LeNet-5
 * on Fashion-MNIST, snapshots at the start, 4 in the first epoch and at every epoch end, a checkpoint per
 * epoch) runs in this process behind an in-memory channel whose `send` hands each message to main's
 * RunRecorder over a real project file. Recording time = time inside RunRecorder.record plus its timed
 * flushes (SQLite transactions included); training time = from the host's `started` to its final event.
 */
export async function recordingCostPct(backend: 'cpu' | 'webgpu', epochs: number): Promise<number> {
  return inTemp(async (dir) => {
    const store = ProjectStore.create(join(dir, 'bench.receptive'), { appVersion: 'bench' })
    try {
      const spec = TEMPLATES.lenet5.spec()
      const runId = store.runs.create({ name: 'bench', spec, hyper: { ...HYPER, epochs }, dataset: DATASET, backend, seed: 0 }, 'running')
      const recorder = new RunRecorder(store)
      let recordMs = 0, inRecord = false, startedAt = 0, endedAt = 0, snapshots = 0
      // the recorder's timer flushes happen outside record(): time the store writes they make too
      const write = store.recordEvents.bind(store)
      store.recordEvents = (events: readonly StoreEvent[]) => {
        const t = performance.now()
        write(events)
        if (!inRecord) recordMs += performance.now() - t
      }
      let listener: (raw: unknown) => void = () => {}
      const channel: HostChannel = {
        send: async (m: HostMessage) => {
          if (m.type === 'started') startedAt = performance.now()
          if (m.type === 'snapshot') snapshots++
          if (m.type === 'done' || m.type === 'stopped' || m.type === 'failed') endedAt = performance.now()
          if (m.type === 'failed') throw new Error(`training failed: ${m.error}`)
          const t = performance.now()
          inRecord = true
          recorder.record(runId, m)
          inRecord = false
          recordMs += performance.now() - t
        },
        onMessage: (l) => { listener = l },
      }
      const exit = serveJob(channel, trainJobWith(openNodeData))
      const job: JobInput = { runId, spec, hyper: { ...HYPER, epochs }, dataset: DATASET, seed: 0, backend }
      listener({ v: PROTOCOL_VERSION, type: 'start', job })
      if ((await exit) !== 0 || !endedAt) throw new Error('the training job did not finish')
      recorder.flush()
      if (snapshots < epochs + 1 || store.snapshots.list(runId).length === 0) throw new Error('no snapshots were recorded')
      return (recordMs / (endedAt - startedAt)) * 100
    } finally {
      store.close()
    }
  })
}

/** one run as the recorder leaves it: a metrics row per step, train and val per epoch, 7 snapshots, done */
function recordRun(store: ProjectStore, snapshot: { node: string; param: string; tensor: { shape: number[]; data: Float32Array } }[], n: number): void {
  const steps = 500, epochs = 2
  const runId = store.runs.create({ name: `run ${n}`, spec: TEMPLATES.lenet5.spec(), hyper: { ...HYPER, epochs }, dataset: DATASET, backend: 'cpu', seed: n }, 'running')
  const snapAt = (step: number, epoch: number): StoreEvent[] =>
    snapshot.map((t) => ({ kind: 'snapshot', runId, step, epoch, node: t.node, param: t.param, tensor: t.tensor }))
  const events: StoreEvent[] = [...snapAt(0, 0)]
  for (let step = 1; step <= steps * epochs; step++) {
    const epoch = Math.ceil(step / steps), loss = 2.3 / Math.sqrt(step) + (n % 7) * 0.01
    events.push({ kind: 'metrics', runId, step, epoch, scope: 'step', split: 'train', values: { loss, accuracy: 1 - loss / 2.5, images_per_second: 5000 + n, lr: 0.01 } })
    if (epoch === 1 && step % 125 === 0) events.push(...snapAt(step, 1))
    if (step % steps === 0) {
      events.push({ kind: 'metrics', runId, step, epoch, scope: 'epoch', split: 'train', values: { loss, accuracy: 1 - loss / 2.5, seconds: 11 } })
      events.push({ kind: 'metrics', runId, step, epoch, scope: 'epoch', split: 'val', values: { loss, accuracy: 1 - loss / 2.4 } })
      if (epoch > 1) events.push(...snapAt(step, epoch))
    }
  }
  store.recordEvents(events)
  store.runs.setStatus(runId, 'done')
}

/** median ms of ProjectStore.open on a project with 100 recorded runs (built once, LeNet-5's real snapshot tensors) */
export async function projectOpenMs(): Promise<number> {
  const tensors = await snapshotTensors(buildModel(TEMPLATES.lenet5.spec(), { seed: 0 }))
  return inTemp(async (dir) => {
    const path = join(dir, 'hundred-runs.receptive')
    const store = ProjectStore.create(path, { appVersion: 'bench' })
    try {
      for (let n = 1; n <= 100; n++) recordRun(store, tensors, n)
    } finally {
      store.close()
    }
    const times: number[] = []
    for (let r = 0; r < 12; r++) {
      const start = performance.now()
      const opened = ProjectStore.open(path)
      const ms = performance.now() - start
      const runs = opened.runs.list().length
      opened.close()
      if (runs !== 100) throw new Error(`the project holds ${runs} runs, not 100`)
      if (r > 0) times.push(ms) // the first open warms the page cache
    }
    return median(times)
  })
}
