// Engine hosts as Electron utility processes, for every job kind of the one built entry ('engine-host',
// `--job=KIND`). Services are plain Node and never import Electron, so
// main/index.ts hands in `utilityProcess.fork`; this file only needs the few members described here.
// Messages sent before the process has spawned are queued, as Electron wants the 'spawn' event first.

import type { HostKind } from '../../../engine/host/host-jobs.ts'
import type { MainMessageInput } from '../../../engine/host/protocol.ts'
import { HostEnd, LineTail, type SpawnHost } from './engine-host.ts'

/** the part of Electron's UtilityProcess a host uses */
export interface UtilityChild {
  readonly pid: number | undefined
  readonly stderr: NodeJS.ReadableStream | null
  postMessage(message: unknown): void
  kill(): boolean
  on(event: 'spawn', listener: () => void): this
  on(event: 'exit', listener: (code: number) => void): this
  on(event: 'message', listener: (message: unknown) => void): this
  on(event: 'error', listener: (type: string, location: string) => void): this
}

/** Electron's `utilityProcess.fork`, narrowed to what is used */
export type UtilityFork = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'pipe' }) => UtilityChild

/** hosts of one job kind (training by default); `In` is what that kind accepts */
export function utilitySpawner<In = MainMessageInput>(forkUtility: UtilityFork, entry: string, kind: HostKind = 'train'): SpawnHost<In> {
  return runId => {
    const serviceName = kind === 'train' ? `Receptive engine (run ${runId})` : `Receptive engine (${kind})`
    const child = forkUtility(entry, [`--job=${kind}`, `--run=${runId}`], { serviceName, stdio: 'pipe' })
    const tail = new LineTail()
    child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk))
    let queue: unknown[] | null = []
    child.on('spawn', () => {
      for (const msg of queue ?? []) child.postMessage(msg)
      queue = null
    })
    const ending = new HostEnd()
    child.on('error', (type, location) => tail.push(`${type} at ${location}\n`))
    child.on('exit', code => {
      queue = null
      ending.end({ code, signal: null, stderr: tail.get() })
    })
    return {
      get pid() { return child.pid },
      send(msg) {
        if (ending.ended) return
        if (queue) queue.push(msg)
        else child.postMessage(msg)
      },
      onMessage: listener => void child.on('message', listener),
      onExit: listener => ending.onExit(listener),
      kill: () => void child.kill(),
    }
  }
}
