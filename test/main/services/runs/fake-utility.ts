// Electron's UtilityProcess without Electron, for the spawner tests: an EventEmitter with the same members
// (spawn, message, exit are emitted by the test), and a `utilityProcess.fork` stand-in that records its calls.

import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import type { UtilityChild, UtilityFork } from '../../../../main/services/runs/utility-host.ts'

export class FakeUtility extends EventEmitter {
  readonly pid = 4242
  readonly stderr = new PassThrough()
  readonly posted: unknown[] = []
  killed = false
  postMessage(m: unknown) { this.posted.push(m) }
  kill() { this.killed = true; return true }
}

/** a fork that makes a FakeUtility per call; `child()` is the last one made */
export function fakeFork() {
  const calls: Parameters<UtilityFork>[] = []
  let last: FakeUtility | undefined
  const fork: UtilityFork = (...args) => {
    calls.push(args)
    last = new FakeUtility()
    return last as unknown as UtilityChild
  }
  const child = (): FakeUtility => {
    if (!last) throw new Error('nothing was forked yet')
    return last
  }
  return { fork, calls, child }
}
