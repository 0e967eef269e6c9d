// Main's end of the dataset process (dataset-job-entry.ts): fork it for one job, hear its progress,
// get its one answer, cancel it. A process that ends without answering, or ignores a cancel for a
// second, still settles the job with a reason, so the UI is never left waiting.

import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sourceName, type DataJob, type DataJobEvent, type DataJobMessage } from './dataset-jobs.ts'
import type { UtilityFork } from './runs/utility-host.ts'

/** one dataset process, as main uses it (a child process, or a utility process under Electron) */
export interface DataProcess {
  send(m: DataJobMessage): void
  onEvent(listener: (e: DataJobEvent) => void): void
  /** once, when the process has ended; `why` says how, with its last stderr */
  onExit(listener: (why: string) => void): void
  kill(): void
}
export type SpawnDataProcess = () => DataProcess

/** the entry in the source tree, run through tsx (browser mode, the CLI, tests) */
export const forkDataProcess: SpawnDataProcess = () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = fork(resolve(import.meta.dirname, 'dataset-job-entry.ts'), [], {
    execArgv: ['--import', tsx], serialization: 'advanced', stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)))
  child.on('error', (err) => (stderr += `${err.message}\n`))
  return {
    send: (m) => void (child.connected && child.send(m)),
    onEvent: (listener) => void child.on('message', (m) => listener(m as DataJobEvent)),
    onExit: (listener) => void child.once('close', (code, signal) =>
      listener(`the dataset process ended (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim()}` : ''}`)),
    kill: () => void child.kill('SIGKILL'),
  }
}

/** Electron's utility process running the built entry (electron-vite builds it beside main); messages wait for 'spawn' */
export function utilityDataProcess(forkUtility: UtilityFork, entry: string): SpawnDataProcess {
  return () => {
    const child = forkUtility(entry, [], { serviceName: 'Receptive dataset import', stdio: 'pipe' })
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)))
    child.on('error', (type, location) => (stderr += `${type} at ${location}\n`))
    let queue: DataJobMessage[] | null = []
    let ended = false
    child.on('spawn', () => {
      for (const m of queue ?? []) child.postMessage(m)
      queue = null
    })
    return {
      send(m) {
        if (ended) return
        if (queue) queue.push(m)
        else child.postMessage(m)
      },
      onEvent: (listener) => void child.on('message', (m) => listener(m as DataJobEvent)),
      onExit: (listener) => void child.on('exit', (code) => {
        ended = true
        listener(`the dataset process ended (code ${code})${stderr.trim() ? `: ${stderr.trim()}` : ''}`)
      }),
      kill: () => void child.kill(),
    }
  }
}

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
