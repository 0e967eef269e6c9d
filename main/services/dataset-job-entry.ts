// The dataset process: a Node child that main forks for one import or preview, so that decoding a
// folder of images never blocks main's event loop. It receives one job, streams its progress, answers
// once and exits; a 'cancel' message aborts the reader, and a parent that goes away takes it along.

import { exitWithParent } from '../../engine/host/node-channel.ts'
import { runDataJob, type DataJobEvent, type DataJobMessage } from './dataset-jobs.ts'

/** Electron's parent port in a utility process (typed here: main/services imports no Electron) */
interface ParentPort { on(event: 'message', listener: (e: { data: unknown }) => void): void; postMessage(m: unknown): void }
const port = (process as { parentPort?: ParentPort }).parentPort

const controller = new AbortController()
// child_process IPC confirms delivery; a parent port cannot, so after its last message it waits a moment
const send = (e: DataJobEvent, then?: () => void) =>
  port ? (port.postMessage(e), then && setTimeout(then, 200)) : void process.send!(e, undefined, undefined, () => then?.())

const receive = (m: DataJobMessage) => {
  if (m.kind === 'cancel') return controller.abort()
  void runDataJob(m, send, controller.signal).then((final) => send(final, () => process.exit(0)))
}

exitWithParent()
if (port) port.on('message', (e) => receive(e.data as DataJobMessage))
else process.on('message', receive)
