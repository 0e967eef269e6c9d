// The Train view's state against main's real handlers, run manager and forked engine hosts (an in-process
// Api over a temporary project, events through main's event hub): a run started from it is followed live,
// its curves grow from run.progress, and once it ends they are exactly what the project recorded.
import v8 from 'node:v8'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../main/dispatch.ts'
import { createEventHub } from '../../../main/events.ts'
import { createHandlers } from '../../../main/handlers.ts'
import { forkSpawner } from '../../../main/services/runs/fork-host.ts'
import { wireState } from '../../../main/services/runs/run-wire.ts'
import { RunsService } from '../../../main/services/runs/runs-service.ts'
import { contract, type Api } from '../../../preload/contract.ts'
import { unwrapReply } from '../../../preload/rpc.ts'
import { curveKey } from '../../../renderer/train/curves.ts'
import { TrainState } from '../../../renderer/train/train-state.svelte.ts'
import { tempProjects, type TempProjects } from '../../main/temp-projects.ts'
import { mlpSpec, shapesData } from '../../main/services/runs/run-fixtures.ts'

// jsdom's environment swaps the global Float32Array for its own realm's; main's code running in this test
// checks the weights it gets over IPC (Node's Float32Array) against the global, so it gets Node's back here
const jsdomFloat32Array = globalThis.Float32Array
beforeAll(() => {
  globalThis.Float32Array = (v8.deserialize(v8.serialize(new Float32Array(0))) as Float32Array).constructor as Float32ArrayConstructor
})
afterAll(() => {
  globalThis.Float32Array = jsdomFloat32Array
})

describe('TrainState', () => {
  let temp: TempProjects | undefined
  let runs: RunsService | undefined
  afterEach(() => {
    runs?.shutdown()
    temp?.dispose()
  })

  function localApi(): Api {
    temp = tempProjects()
    const projects = temp.projects
    const hub = createEventHub(contract)
    runs = new RunsService(() => projects.current, forkSpawner(), { throttleMs: 20 })
    runs.updates$.subscribe((s) => hub.emit('run.progress', wireState(s)))
    const dispatch = createDispatch(contract, createHandlers({ version: '1', platform: 'linux', projects, runs }))
    return {
      invoke: async (call: string, arg?: unknown) => unwrapReply(await dispatch(call, arg)),
      on: (event: string, listener: (p: unknown) => void) => {
        const sub = hub.events$.subscribe((e) => e.event === event && listener(e.payload))
        return () => sub.unsubscribe()
      },
    } as Api
  }

  /** what the view held, for the message of a wait that timed out */
  let debug: (() => unknown) | undefined
  const until = async (test: () => boolean, ms = 60_000) => {
    const end = Date.now() + ms
    while (!test()) {
      if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(debug?.())}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  it('follows a run it started: live curves while it trains, the recorded curves once it is done', async () => {
    const api = localApi()
    await api.invoke('graph.save', { spec: mlpSpec as never, layout: {} })
    const train = new TrainState(api)
    debug = () => ({ error: train.error, runs: train.runs.map((r) => [r.status, r.error]), live: train.live })
    const disconnect = train.connect()
    await until(() => train.datasets.length > 0)
    expect(train.datasets.find((d) => d.id === 'digits')?.available).toBe(true)

    const runId = await train.start({
      name: 'shapes', backend: 'cpu', seed: 3, dataset: shapesData(600),
      hyper: { epochs: 2, batchSize: 16, optimizer: { kind: 'sgd', lr: 0.05 }, reportEvery: 2 },
    })
    expect(train.focus).toBe(runId)
    const sizes = new Set<number>()
    await until(() => {
      sizes.add(train.curves[runId]?.[curveKey('step', 'train', 'loss')]?.step.length ?? 0)
      return train.run(runId)?.status === 'done'
    })
    expect(sizes.size).toBeGreaterThan(3) // grew in several live updates

    const recorded = (await api.invoke('runs.metrics', { runId })).find((s) => s.scope === 'step' && s.name === 'loss')!
    await until(() => train.curves[runId][curveKey('step', 'train', 'loss')].step.length === recorded.step.length)
    expect(train.curves[runId][curveKey('step', 'train', 'loss')].step).toEqual(recorded.step)
    expect(train.curves[runId][curveKey('epoch', 'val', 'accuracy')].epoch).toEqual([1, 2])
    expect(train.live[runId]).toMatchObject({ status: 'done', epoch: 2 })
    expect(train.run(runId)?.bestValAccuracy).toBeGreaterThan(0.34)

    // a fresh view of the same project (a reload) finds the run and its curves
    const again = new TrainState(api)
    const off = again.connect()
    await until(() => (again.curves[runId]?.[curveKey('step', 'train', 'loss')]?.step.length ?? 0) === recorded.step.length)
    expect(again.focus).toBe(runId)
    off()
    disconnect()
  }, 90_000)
})
