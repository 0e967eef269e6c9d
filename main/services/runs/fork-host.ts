// Engine hosts as Node child processes (browser mode, the CLI, tests), for every job kind of the one Node
// entry (engine/host/node-entry.ts, `--job=KIND`): child_process.fork with the
// structured-clone ("advanced") serialization, so weights cross as Float32Arrays, and stderr piped so a
// crash can be explained. From sources the entry is TypeScript, run through tsx.

import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { MainMessageInput } from '../../../engine/host/protocol.ts'
import type { HostKind } from '../../../engine/host/host-jobs.ts'
import { HostEnd, LineTail, type EngineHost, type SpawnHost } from './engine-host.ts'

export interface ForkOptions {
  /** the host's entry module */
  entry: string
  /** node options for the child, e.g. a loader */
  execArgv: string[]
  /** also copy the host's stderr to ours */
  echoStderr?: boolean
}

/** the host entry in the source tree, run through tsx */
export function sourceHostOptions(): ForkOptions {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return { entry: resolve(import.meta.dirname, '../../../engine/host/node-entry.ts'), execArgv: ['--import', tsx] }
}

/** hosts of one job kind (training by default); `In` is what that kind accepts */
export function forkSpawner<In = MainMessageInput>(options: ForkOptions = sourceHostOptions(), kind: HostKind = 'train'): SpawnHost<In> {
  return runId => {
    const child = fork(options.entry, [`--job=${kind}`, `--run=${runId}`], {
      execArgv: options.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    const tail = new LineTail()
    child.stderr?.on('data', (chunk: Buffer) => {
      tail.push(chunk)
      if (options.echoStderr) process.stderr.write(chunk)
    })
    const ending = new HostEnd()
    // 'close' comes after stdio has drained, so the tail holds the last words
    child.once('close', (code, signal) => ending.end({ code, signal, stderr: tail.get() }))
    // a failed spawn (missing node, bad entry) also ends in 'close'; the error only needs a line
    child.on('error', err => tail.push(`${err.message}\n`))
    const host: EngineHost<In> = {
      get pid() { return child.pid },
      send(msg) {
        if (child.connected) child.send(msg as Parameters<typeof child.send>[0])
      },
      onMessage: listener => void child.on('message', listener),
      onExit: listener => ending.onExit(listener),
      kill: () => void child.kill('SIGKILL'),
    }
    return host
  }
}
