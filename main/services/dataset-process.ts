// Main's end of a dataset job (an engine host running engine/host/dataset-jobs.ts): start one for a job, hear its progress,
// get its one answer, cancel it. A process that ends without answering, or ignores a cancel for a
// second, still settles the job with a reason, so the UI is never left waiting.

import { sourceName, type DataJob, type DataJobEvent, type DataJobMessage } from '../../engine/host/dataset-jobs.ts'
import { endedWith, type SpawnHost } from './runs/engine-host.ts'
import { forkSpawner, sourceHostOptions } from './runs/fork-host.ts'
import { utilitySpawner, type UtilityFork } from './runs/utility-host.ts'

/** one dataset process, as main uses it (a child process, or a utility process under Electron) */
export interface DataProcess {
  send(m: DataJobMessage): void
  onEvent(listener: (e: DataJobEvent) => void): void
  /** once, when the process has ended; `why` says how, with its last stderr */
  onExit(listener: (why: string) => void): void
  kill(): void
}
export type SpawnDataProcess = () => DataProcess

/** dataset processes from hosts started by `spawn` (a fork, or a utility process under Electron) */
export function dataProcessFrom(spawn: SpawnHost<DataJobMessage>): SpawnDataProcess {
  return () => {
    const host = spawn(0)
    return {
      send: (m) => host.send(m),
      onEvent: (listener) => host.onMessage((m) => listener(m as DataJobEvent)),
      onExit: (listener) => host.onExit((exit) => listener(`the dataset process ${endedWith(exit)}`)),
      kill: () => host.kill(),
    }
  }
}

/** the engine host in the source tree, run through tsx (browser mode, the CLI, tests) */
export const forkDataProcess: SpawnDataProcess = () => dataProcessFrom(forkSpawner<DataJobMessage>(sourceHostOptions(), 'dataset'))()

/** Electron's utility process running the built engine host (electron-vite builds it beside main) */
export const utilityDataProcess = (forkUtility: UtilityFork, entry: string): SpawnDataProcess =>
  dataProcessFrom(utilitySpawner<DataJobMessage>(forkUtility, entry, 'dataset'))

export interface RunningJob {
  /** the job's final event: its result, or 'failed' */
  readonly done: Promise<Exclude<DataJobEvent, { type: 'progress' }>>
  cancel(): void
}

const CANCEL_GRACE_MS = 1000

export function startDataJob(spawn: SpawnDataProcess, job: DataJob, onProgress?: (e: Extract<DataJobEvent, { type: 'progress' }>) => void): RunningJob {
  const proc = spawn()
  const where = sourceName(job.spec)
  let cancelled = false
  let settle!: (e: Exclude<DataJobEvent, { type: 'progress' }>) => void
  const done = new Promise<Exclude<DataJobEvent, { type: 'progress' }>>((r) => (settle = r))
  let settled = false
  const finish = (e: Exclude<DataJobEvent, { type: 'progress' }>) => {
    if (settled) return
    settled = true
    settle(e)
  }
  proc.onEvent((e) => {
    if (e.type === 'progress') { if (!settled) onProgress?.(e) } else finish(e)
  })
  proc.onExit((why) => finish(cancelled
    ? { type: 'failed', file: where, reason: 'import cancelled', bad: [], cancelled: true }
    : { type: 'failed', file: where, reason: why, bad: [], cancelled: false }))
  proc.send(job)
  return {
    done,
    cancel() {
      if (settled || cancelled) return
      cancelled = true
      proc.send({ kind: 'cancel' })
      // a reader deep in one large file may not look at its signal soon
      setTimeout(() => settled || proc.kill(), CANCEL_GRACE_MS).unref()
    },
  }
}
