// The dataset process: a Node child that main forks for one import or preview, so that decoding a
// folder of images never blocks main's event loop. It receives one job, streams its progress, answers
// once and exits; a 'cancel' message aborts the reader, and a parent that goes away takes it along.

import { exitWithParent } from '../../engine/host/node-channel.ts'
import { runDataJob, type DataJobEvent, type DataJobMessage } from './dataset-jobs.ts'

const controller = new AbortController()
const send = (e: DataJobEvent, then?: () => void) => void process.send!(e, undefined, undefined, () => then?.())

exitWithParent()
process.on('message', (m: DataJobMessage) => {
  if (m.kind === 'cancel') return controller.abort()
  void runDataJob(m, send, controller.signal).then((final) => send(final, () => process.exit(0)))
})
