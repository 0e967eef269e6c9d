// Main killed with -9 mid-run (a child Node process runs the run manager, as main does): its engine host
// exits on its own within seconds, and the project reopens with the run `interrupted` and every batch that
// was committed before the kill intact, and resumes from its last checkpoint to the weights of a run that
// was never interrupted (same seed, CPU).

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { lastValueFrom } from 'rxjs'
import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { RunManager } from '../../../../main/services/runs/run-manager.ts'
import type { RunState } from '../../../../main/services/runs/run-state.ts'
import { ProjectStore } from '../../../../main/store/index.ts'
import { tempDir } from '../../store/files.ts'
import { alive, gone, request } from './run-fixtures.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

it('loses at most the last batch when main is killed with -9, leaves no engine host behind, and resumes exactly', async () => {
  const path = `${dir}/crash.receptive`
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = spawn(process.execPath, ['--import', tsx, `${import.meta.dirname}/manager-child.ts`, path], { stdio: ['ignore', 'pipe', 'inherit'] })
  let host = 0
  let runId = 0
  let committed = 0
  for await (const line of createInterface({ input: child.stdout! })) {
    const msg = JSON.parse(line) as { host?: number; runId?: number; committed?: number }
    if (msg.host) ({ host, runId } = msg as { host: number; runId: number })
    committed = Math.max(committed, msg.committed ?? 0)
    if (committed >= 100) break // past the first epoch's checkpoint (85 steps)
  }
  expect(alive(host)).toBe(true)
  const exited = new Promise(r => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
  expect(await gone(host, 5000)).toBe(true)

  const store = ProjectStore.open(path)
  try {
    expect(store.interruptedOnOpen).toEqual([runId])
    expect(store.runs.get(runId)).toMatchObject({ status: 'interrupted', error: 'Receptive stopped while this run was running' })
    const steps = store.metrics.series(runId, { scope: 'step' }).find(s => s.name === 'loss')!.step
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1))
    expect(steps.length).toBeGreaterThanOrEqual(committed)
    expect(store.snapshots.list(runId).some(s => s.step === 0)).toBe(true)

    // "Resume" continues from the last checkpoint in a new host, to the weights of a run never interrupted
    const cp = store.checkpoints.latest(runId)!
    expect(cp.epoch).toBeGreaterThanOrEqual(1) // 85 steps an epoch
    const manager = new RunManager(store, forkSpawner())
    manager.resume(runId)
    const states: RunState[] = []
    manager.progress$(runId).subscribe(s => states.push(s))
    expect(await lastValueFrom(manager.progress$(runId))).toMatchObject({ status: 'done', step: 255, epoch: 3 })
    expect(states.find(s => s.totalSteps > 0)).toMatchObject({ step: cp.step, epoch: cp.epoch })
    const whole = await manager.start(request(3, 3000))
    expect((await lastValueFrom(manager.progress$(whole))).status).toBe('done')
    expect(store.checkpoints.latest(runId)!.weights).toEqual(store.checkpoints.latest(whole)!.weights)
  } finally {
    store.close()
  }
})
