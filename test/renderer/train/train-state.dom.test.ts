// The Train view's state against main's real handlers, run manager and forked engine hosts (an in-process
// Api over a temporary project, events through main's event hub): a run started from it is followed live,
// its curves grow from run.progress, and once it ends they are exactly what the project recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { curveKey } from '../../../renderer/train/curves.ts'
import { TrainState } from '../../../renderer/train/train-state.svelte.ts'
import { mlpSpec, shapesData } from '../../main/services/runs/run-fixtures.ts'
import { localMain, nodeTypedArrays, type LocalMain } from './local-main.ts'

let restore: () => void
beforeAll(() => (restore = nodeTypedArrays()))
afterAll(() => restore())

describe('TrainState', () => {
  let main: LocalMain | undefined
  afterEach(() => main?.dispose())

  function localApi() {
    main = localMain()
    return main.api
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
