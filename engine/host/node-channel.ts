// The host's end of the pipe to main, in a Node process: Electron's parent port in a utility process, or
// child_process IPC (with `serialization: 'advanced'`, so typed arrays arrive as typed arrays) in browser
// mode and the CLI. Also the watchdog: a host whose parent is gone exits, so no host is ever orphaned.

import type { HostChannel } from './host-session.ts'

/** the part of Electron's `process.parentPort` a host uses (typed here: the engine does not import Electron) */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

export function nodeChannel(proc: NodeJS.Process = process): HostChannel<unknown> {
  const port = (proc as { parentPort?: ParentPort }).parentPort
  if (port) {
    return {
      send: async msg => port.postMessage(msg),
      onMessage: listener => port.on('message', e => listener(e.data)),
    }
  }
  const send = proc.send?.bind(proc)
  if (!send) throw new Error('the engine host must be started by Receptive (no IPC channel to main)')
  return {
    send: (msg: unknown) => new Promise<void>((done, fail) => {
      send(msg, undefined, undefined, err => (err ? fail(err) : done()))
    }),
    onMessage: listener => void proc.on('message', listener),
  }
}

/**
 * Exits when the parent goes away: at once when the IPC channel closes, and by polling the parent pid
 * (a parent killed with -9 leaves the child re-parented) for the parent-port case.
 */
export function exitWithParent(proc: NodeJS.Process = process, everyMs = 500): void {
  const parent = proc.ppid
  const gone = () => proc.exit(70)
  proc.once('disconnect', gone)
  setInterval(() => {
    if (proc.ppid !== parent) gone()
  }, everyMs).unref()
}
