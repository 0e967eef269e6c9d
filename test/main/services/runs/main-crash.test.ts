// Main killed with -9 mid-run (a child Node process runs the run manager, as main does): its engine host
// exits on its own within seconds, and the project reopens with the run `interrupted` and every batch that
// was committed before the kill intact, and resumable from its last checkpoint.

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { filter, firstValueFrom, lastValueFrom } from 'rxjs'
import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { RunManager } from '../../../../main/services/runs/run-manager.ts'
import { ProjectStore } from '../../../../main/store/index.ts'
import { tempDir } from '../../store/files.ts'
import { alive, gone } from './run-fixtures.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

it('loses at most the last batch when main is killed with -9, and leaves no engine host behind', async () => {
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

    // and "Resume" picks it up from its last checkpoint in a new host
    const cp = store.checkpoints.latest(runId)!
    expect(cp).toMatchObject({ step: 85, epoch: 1 })
    const manager = new RunManager(store, forkSpawner())
    manager.resume(runId)
    const started = await firstValueFrom(manager.progress$(runId).pipe(filter(s => s.totalSteps > 0)))
    expect(started).toMatchObject({ step: 85, epoch: 1 })
    manager.stop(runId)
    expect((await lastValueFrom(manager.progress$(runId))).status).toBe('stopped')
  } finally {
    store.close()
  }
})
