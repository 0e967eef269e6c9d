// What the run tests share: a small model and dataset that train in well under a second per epoch on the
// CPU, a project in a throw-away folder, a run manager on real forked engine hosts, and waits on a run's state.

import { existsSync, readFileSync } from 'node:fs'
import { firstValueFrom, lastValueFrom, filter } from 'rxjs'
import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { RunManager, type ManagerOptions, type StartRequest } from '../../../../main/services/runs/run-manager.ts'
import type { RunState } from '../../../../main/services/runs/run-state.ts'
import { ProjectStore } from '../../../../main/store/index.ts'
import { tempDir } from '../../store/files.ts'

/** 28×28 shapes → 16 hidden units → 3 classes */
export const mlpSpec = {
  format: 'receptive.graph/1',
  nodes: [
    { id: 'in', op: 'input', shape: [1, 28, 28] },
    { id: 'flat', op: 'flatten', inputs: ['in'] },
    { id: 'hidden', op: 'dense', inputs: ['flat'], units: 16 },
    { id: 'act', op: 'relu', inputs: ['hidden'] },
    { id: 'out', op: 'dense', inputs: ['act'], units: 3 },
  ],
  output: 'out',
}

export const shapesData = (count: number) => ({ format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes', count } })

/** a run of `epochs` epochs over `count` samples (90% of them train, in batches of 32) */
export function request(epochs: number, count = 600, more: Partial<StartRequest> = {}): StartRequest {
  return {
    name: 'test run', spec: mlpSpec, dataset: shapesData(count), backend: 'cpu', seed: 11,
    hyper: { epochs, batchSize: 32, optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, reportEvery: 4 },
    ...more,
  }
}

export interface Bench { dir: string; path: string; store: ProjectStore; manager: RunManager; close(): void }

export function openBench(options: ManagerOptions = {}): Bench {
  const { dir, cleanup } = tempDir()
  const path = `${dir}/runs.receptive`
  const store = ProjectStore.create(path, { appVersion: 'test' })
  const manager = new RunManager(store, forkSpawner(), { throttleMs: 20, ...options })
  return {
    dir, path, store, manager,
    close() {
      manager.shutdown()
      store.close()
      cleanup()
    },
  }
}

/** the run's final state (its stream completes when it ends) */
export const ended = (m: RunManager, runId: number): Promise<RunState> => lastValueFrom(m.progress$(runId))

/** the first state that satisfies `test` */
export const reaches = (m: RunManager, runId: number, test: (s: RunState) => boolean): Promise<RunState> =>
  firstValueFrom(m.progress$(runId).pipe(filter(test)))

/** whether process `pid` still runs (a zombie waiting to be reaped has ended) */
export function alive(pid: number): boolean {
  if (!existsSync('/proc/self')) {
    try { return process.kill(pid, 0) } catch { return false }
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** true once process `pid` has ended, false if it still runs after `withinMs` */
export async function gone(pid: number, withinMs = 10_000): Promise<boolean> {
  const until = Date.now() + withinMs
  while (alive(pid)) {
    if (Date.now() > until) return false
    await new Promise(r => setTimeout(r, 50))
  }
  return true
}
