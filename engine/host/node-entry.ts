// The engine host's entry in a Node process: Electron's utility process or a child_process fork. It runs
// the one job main sends, streams its events back and exits; it also exits if its parent dies, so a
// killed app never leaves a host training on its own.

import { serveJob } from './host-session.ts'
import { exitWithParent, nodeChannel } from './node-channel.ts'
import { trainJob } from './train-job.ts'

exitWithParent()
const code = await serveJob(nodeChannel(), trainJob)
// child_process IPC confirmed delivery already; a parent port cannot, so its last message gets a moment
setTimeout(() => process.exit(code), 'parentPort' in process ? 200 : 0)
