// The run manager with real engine hosts (forked Node processes running engine/host/node-entry.ts) and a
// real project file: a run trains and leaves its metrics, snapshots and checkpoints; failures, a host killed
// with -9, stop, pause, the concurrency limit and resume each end in the recorded state the issue asks for.

import { toArray, lastValueFrom } from 'rxjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../../engine/data/load.ts'
import { parseDatasetSpec } from '../../../../engine/data/spec.ts'
import { buildModel } from '../../../../engine/graph/build.ts'
import { sgd } from '../../../../engine/optim/index.ts'
import { train } from '../../../../engine/train/train.ts'
import { forkSpawner, sourceHostOptions } from '../../../../main/services/runs/fork-host.ts'
import { RunManager } from '../../../../main/services/runs/run-manager.ts'
import type { RunState } from '../../../../main/services/runs/run-state.ts'
import { ended, gone, openBench, reaches, request, type Bench } from './run-fixtures.ts'

let b: Bench
beforeEach(() => (b = openBench()))
afterEach(() => b.close())

/** hidden.weight after `steps` steps of request(2)'s training, run in this process */
async function weightsAfter(steps: number): Promise<Float32Array> {
  const req = request(2)
  const data = await loadDataset(parseDatasetSpec(req.dataset))
  const model = buildModel(req.spec, { seed: 11 })
  const stop = new AbortController()
  for await (const e of train({ model, data: data.train, validation: data.validation, optimizer: sgd({ lr: 0.05, momentum: 0.9 }),
    epochs: 2, batchSize: 32, seed: 11, signal: stop.signal, reportEvery: 4 })) {
    if (e.type === 'step' && e.step === steps) stop.abort()
  }
  return model.parameters().get('hidden.weight')!.read()
}

const stepsOf = (b: Bench, runId: number) => b.store.metrics.series(runId, { scope: 'step' }).find(s => s.name === 'loss')?.step ?? []
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('a run trained through an engine host', () => {
  it('records its metrics, snapshots and checkpoints and ends done', async () => {
    const runId = await b.manager.start(request(2))
    const final = await ended(b.manager, runId)
    const perEpoch = Math.ceil(540 / 32) // 600 samples, 10% held out for validation
    expect(final).toMatchObject({ status: 'done', step: 2 * perEpoch, epoch: 2, error: null, totalSteps: 2 * perEpoch })
    expect(final.lastEpoch?.validation?.accuracy).toBeGreaterThan(0.34)

    const run = b.store.runs.get(runId)!
    expect(run).toMatchObject({ status: 'done', error: null, backend: 'cpu', seed: 11 })
    expect(run.endedAt).toBeGreaterThanOrEqual(run.startedAt!)
    expect(stepsOf(b, runId)).toEqual(range(1, 2 * perEpoch))
    const epochs = b.store.metrics.series(runId, { scope: 'epoch' })
    expect(epochs.map(s => `${s.split}.${s.name}`).sort()).toEqual(['train.accuracy', 'train.loss', 'train.seconds', 'val.accuracy', 'val.loss'])
    expect(epochs[0].epoch).toEqual([1, 2])

    // snapshots of every dense layer: at the start, during the first epoch (group ends), at each epoch end
    const snaps = b.store.snapshots.list(runId)
    expect(new Set(snaps.map(s => `${s.node}.${s.param}`))).toEqual(new Set(['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias']))
    const steps = [...new Set(snaps.map(s => s.step))].sort((x, y) => x - y)
    expect(steps[0]).toBe(0)
    expect(steps).toContain(perEpoch)
    expect(steps).toContain(2 * perEpoch)
    expect(steps.filter(s => s > 0 && s < perEpoch).length).toBeGreaterThanOrEqual(2)
    expect(snaps.find(s => s.node === 'hidden' && s.param === 'weight')!.shape).toEqual([16, 784])

    // the step-0 snapshot holds the initial weights, as the same seed builds them here
    const initial = await buildModel(request(1).spec, { seed: 11 }).parameters().get('hidden.weight')!.read()
    const first = snaps.find(s => s.step === 0 && s.node === 'hidden' && s.param === 'weight')!
    expect(b.store.snapshots.get(first.id)!.data).toEqual(initial)

    // a first-epoch snapshot holds the weights after the step it names: train the same way here and compare
    const early = steps.find(s => s > 0 && s < perEpoch)!
    const here = await weightsAfter(early)
    const named = snaps.find(s => s.step === early && s.node === 'hidden' && s.param === 'weight')!
    expect(b.store.snapshots.get(named.id)!.data).toEqual(here)

    const cp = b.store.checkpoints.latest(runId)!
    expect(cp).toMatchObject({ step: 2 * perEpoch, epoch: 2 })
    expect(Object.keys(cp.weights).sort()).toEqual(['hidden.bias', 'hidden.weight', 'out.bias', 'out.weight'])
    expect(Object.keys(cp.optimizer).sort()).toEqual(['hidden.bias/momentum', 'hidden.weight/momentum', 'out.bias/momentum', 'out.weight/momentum'])
    const last = snaps.filter(s => s.step === 2 * perEpoch && s.node === 'out' && s.param === 'weight')[0]
    expect(cp.weights['out.weight'].data).toEqual(b.store.snapshots.get(last.id)!.data)
  })

  it('republishes its state throttled, and replays the latest state to a late subscriber', async () => {
    const runId = await b.manager.start(request(2))
    const seen = lastValueFrom(b.manager.progress$(runId).pipe(toArray()))
    const all = lastValueFrom(b.manager.updates$.pipe(toArray()))
    const states = await seen
    const steps = states.map(s => s.step)
    expect(steps).toEqual([...steps].sort((x, y) => x - y))
    expect(states.length).toBeLessThan(stepsOf(b, runId).length) // 34 steps, far fewer updates
    expect(states.at(-1)).toMatchObject({ status: 'done', step: 34 })
    const late = await lastValueFrom(b.manager.progress$(runId).pipe(toArray()))
    expect(late).toEqual([states.at(-1)])
    b.manager.shutdown()
    expect((await all).at(-1)).toEqual(states.at(-1))
  })
})

describe('runs that go wrong', () => {
  it('refuses a broken graph, settings or dataset before creating a run', async () => {
    await expect(b.manager.start(request(1, 600, { spec: { format: 'receptive.graph/1', nodes: [], output: 'x' } }))).rejects.toThrow()
    await expect(b.manager.start({ ...request(1), hyper: { ...request(1).hyper, batchSize: 0 } })).rejects.toThrow(/batchSize/)
    await expect(b.manager.start(request(1, 600, { dataset: { format: 'receptive.dataset/9' } }))).rejects.toThrow(/dataset spec/)
    expect(b.manager.list()).toEqual([])
  })

  it('marks a run failed with the host\'s reason when its dataset cannot be read', async () => {
    const missing = `${b.dir}/no-such-folder`
    const runId = await b.manager.start(request(1, 600, { dataset: { format: 'receptive.dataset/1', source: { kind: 'path', path: missing } } }))
    const final = await ended(b.manager, runId)
    expect(final.status).toBe('failed')
    expect(final.error).toContain('no-such-folder')
    expect(b.store.runs.get(runId)).toMatchObject({ status: 'failed', error: final.error })
  })

  it('fails a run whose host breaks the protocol, and ends that host', async () => {
    b.close()
    b = openBench()
    const rogue = new RunManager(b.store, forkSpawner({ ...sourceHostOptions(), entry: `${import.meta.dirname}/rogue-host.ts` }))
    const runId = await rogue.start(request(1))
    const pid = rogue.pid(runId)!
    const final = await ended(rogue, runId)
    expect(final).toMatchObject({ status: 'failed', error: 'message 5 from the engine host came after 1' })
    expect(b.store.runs.get(runId)).toMatchObject({ status: 'failed', error: final.error })
    expect(await gone(pid)).toBe(true)
  })

  it('marks a run failed when its host is killed with -9 mid-run, keeping every recorded step, and carries on', async () => {
    const runId = await b.manager.start(request(50, 3000))
    const pid = b.manager.pid(runId)!
    const before = await reaches(b.manager, runId, s => s.step >= 12)
    process.kill(pid, 'SIGKILL')
    const final = await ended(b.manager, runId)
    expect(final.status).toBe('failed')
    expect(final.error).toMatch(/engine host was killed by SIGKILL before the run ended/)
    expect(b.store.runs.get(runId)).toMatchObject({ status: 'failed', error: final.error })
    const steps = stepsOf(b, runId)
    expect(steps).toEqual(range(1, steps.length))
    expect(steps.length).toBeGreaterThanOrEqual(before.step)
    expect(steps.length).toBe(final.step)

    // the app carries on: the next run trains
    const next = await b.manager.start(request(1))
    expect((await ended(b.manager, next)).status).toBe('done')
  })
})

describe('controlling a run', () => {
  it('stops after the current steps, and the host exits', async () => {
    const runId = await b.manager.start(request(50, 3000))
    const pid = b.manager.pid(runId)!
    await reaches(b.manager, runId, s => s.step >= 8)
    b.manager.stop(runId)
    const final = await ended(b.manager, runId)
    expect(final.status).toBe('stopped')
    expect(b.store.runs.get(runId)!.status).toBe('stopped')
    expect(final.step).toBeLessThan(50 * 85)
    expect(await gone(pid)).toBe(true)
  })

  it('pauses without stepping, and continues to the end', async () => {
    const runId = await b.manager.start(request(2, 3000)) // long enough for the pause to land mid-run
    await reaches(b.manager, runId, s => s.step >= 4)
    b.manager.pause(runId)
    const paused = await reaches(b.manager, runId, s => s.status === 'paused')
    expect(b.store.runs.get(runId)!.status).toBe('paused')
    await new Promise(r => setTimeout(r, 300))
    expect(stepsOf(b, runId).at(-1)).toBe(paused.step)
    b.manager.continue(runId)
    const final = await ended(b.manager, runId)
    expect(final.status).toBe('done')
    expect(stepsOf(b, runId)).toEqual(range(1, final.step))
  })

  it('queues runs beyond the concurrency limit', async () => {
    b.close()
    b = openBench({ maxConcurrent: 1 })
    const first = await b.manager.start(request(1))
    const second = await b.manager.start(request(1))
    expect(b.manager.running()).toEqual([first])
    expect(b.store.runs.get(second)!.status).toBe('queued')
    const [a, c] = await Promise.all([ended(b.manager, first), ended(b.manager, second)])
    expect([a.status, c.status]).toEqual(['done', 'done'])
    expect(b.store.runs.get(second)!.startedAt).toBeGreaterThanOrEqual(b.store.runs.get(first)!.endedAt!)
  })

  it('drops a queued run that is stopped before it started', async () => {
    b.close()
    b = openBench({ maxConcurrent: 1 })
    const first = await b.manager.start(request(1))
    const second = await b.manager.start(request(1))
    b.manager.stop(second)
    expect(await ended(b.manager, second)).toMatchObject({ status: 'stopped', step: 0 })
    expect((await ended(b.manager, first)).status).toBe('done')
    expect(stepsOf(b, second)).toEqual([])
  })

  it('resumes a run killed mid-run from its last checkpoint to exactly the uninterrupted run\'s weights', async () => {
    const perEpoch = Math.ceil(1350 / 32)
    const whole = await b.manager.start(request(3, 1500))
    expect((await ended(b.manager, whole)).status).toBe('done')

    const runId = await b.manager.start(request(3, 1500))
    const pid = b.manager.pid(runId)!
    await reaches(b.manager, runId, s => (s.lastEpoch?.epoch ?? 0) >= 1 && s.step > perEpoch)
    process.kill(pid, 'SIGKILL')
    expect((await ended(b.manager, runId)).status).toBe('failed')
    const cp = b.store.checkpoints.latest(runId)!
    expect(cp.epoch).toBeGreaterThanOrEqual(1)
    expect(cp.epoch).toBeLessThan(3)

    b.manager.resume(runId)
    const states: RunState[] = []
    b.manager.progress$(runId).subscribe(s => states.push(s))
    const final = await ended(b.manager, runId)
    expect(final).toMatchObject({ status: 'done', step: 3 * perEpoch, epoch: 3, error: null })
    expect(states.find(s => s.totalSteps > 0)!.step).toBe(cp.step) // it started from the checkpoint
    expect(stepsOf(b, runId)).toEqual(range(1, 3 * perEpoch))
    expect(b.store.metrics.series(runId, { scope: 'epoch' })[0].epoch).toEqual([1, 2, 3])

    // the same seed on the CPU: every loss and the final weights and optimizer state, to the last bit
    const losses = (id: number) => b.store.metrics.series(id, { scope: 'step' }).find(s => s.name === 'loss')!.value
    expect(losses(runId)).toEqual(losses(whole))
    const [resumed, uninterrupted] = [b.store.checkpoints.latest(runId)!, b.store.checkpoints.latest(whole)!]
    expect(resumed.weights).toEqual(uninterrupted.weights)
    expect(resumed.optimizer).toEqual(uninterrupted.optimizer)
    expect(() => b.manager.resume(runId)).toThrow(/done and cannot be resumed/)
  })

  it('records running and queued runs as interrupted on shutdown, and ends their hosts', async () => {
    b.close()
    b = openBench({ maxConcurrent: 1 })
    const first = await b.manager.start(request(50, 3000))
    const second = await b.manager.start(request(1))
    const pid = b.manager.pid(first)!
    await reaches(b.manager, first, s => s.step >= 1)
    const ends = Promise.all([ended(b.manager, first), ended(b.manager, second)])
    b.manager.shutdown()
    expect((await ends).map(s => s.status)).toEqual(['interrupted', 'interrupted'])
    for (const id of [first, second]) {
      expect(b.store.runs.get(id)).toMatchObject({ status: 'interrupted', error: 'Receptive was closed while this run was training' })
    }
    expect(await gone(pid)).toBe(true)
  })

  it('refuses to control a run that is not training', async () => {
    expect(() => b.manager.stop(99)).toThrow(/not training/)
    expect(() => b.manager.pause(99)).toThrow(/not training/)
    expect(() => b.manager.resume(99)).toThrow(/no run 99/)
  })
})
