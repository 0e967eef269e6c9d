// The contract's runs calls as either transport dispatches them: arguments are checked against the
// contract, a run of the open project trains through a real engine host, the list and the curves come
// back in their wire shapes, and refusals (bad settings, a run that is not training) are error replies.

import { afterEach, beforeEach, expect, it } from 'vitest'
import { createDispatch } from '../../../../main/dispatch.ts'
import { createHandlers } from '../../../../main/handlers.ts'
import { ProjectService } from '../../../../main/services/projects.ts'
import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { wireState } from '../../../../main/services/runs/run-wire.ts'
import { RunsService } from '../../../../main/services/runs/runs-service.ts'
import { contract, RunState } from '../../../../preload/contract.ts'
import { tempDir } from '../../store/files.ts'
import { mlpSpec, request } from './run-fixtures.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

it('starts, lists and reads runs of the open project, and refuses what it cannot do', async () => {
  const projects = new ProjectService({ appVersion: 'test', settingsDir: dir, cwd: dir })
  const runs = new RunsService(() => projects.current, forkSpawner(), { throttleMs: 20 })
  const call = createDispatch(contract, createHandlers({ version: 'test', platform: process.platform, projects, runs }))
  const pushed: RunState[] = []
  let finished = () => {}
  const done = new Promise<void>(resolve => (finished = resolve))
  runs.updates$.subscribe(s => { // as browser mode forwards run.progress
    pushed.push(RunState.parse(wireState(s)))
    if (s.status === 'done') finished()
  })
  try {
    const { hyper, dataset } = request(1)
    expect(await call('graph.save', { spec: mlpSpec, layout: {} })).toMatchObject({ ok: true })
    const started = await call('runs.start', { name: 'mlp', hyper, dataset, backend: 'cpu', seed: 3 })
    expect(started).toEqual({ ok: true, result: { runId: 1 } })
    await done

    const list = await call('runs.list', undefined)
    expect(list.ok && list.result).toEqual([expect.objectContaining({ id: 1, name: 'mlp', status: 'done', seed: 3, backend: 'cpu', error: null })])
    const final = (list.ok && (list.result as { final: Record<string, number> }[])[0].final) || {}
    expect(Object.keys(final).sort()).toEqual(['train.accuracy', 'train.loss', 'train.seconds', 'val.accuracy', 'val.loss'])

    const curves = await call('runs.metrics', { runId: 1, scope: 'step', afterStep: 10 })
    const loss = curves.ok && (curves.result as { name: string; step: number[] }[]).find(c => c.name === 'loss')
    expect(loss && loss.step).toEqual(Array.from({ length: 7 }, (_, i) => 11 + i))
    expect(pushed.at(-1)).toMatchObject({ runId: 1, status: 'done', step: 17 })
    expect(await call('runs.state', { runId: 1 })).toEqual({ ok: true, result: pushed.at(-1) })
    const detail = await call('runs.detail', { runId: 1 })
    expect(detail.ok && (detail.result as { spec: unknown }).spec).toEqual(mlpSpec)

    const refused = await call('runs.start', { name: 'bad', hyper: { ...hyper, batchSize: 0 }, dataset, backend: 'cpu' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/batchSize/) } })
    expect(await call('runs.start', { name: '', hyper, dataset, backend: 'cpu' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await call('runs.stop', { runId: 1 })).toMatchObject({ ok: false, error: { message: 'runs.stop: run 1 is not training' } })
    expect(await call('runs.resume', { runId: 1 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/done and cannot be resumed/) } })
  } finally {
    runs.shutdown()
    projects.close()
  }
})
