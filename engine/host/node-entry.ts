// The engine host's entry in a Node process: Electron's utility process or a child_process fork. It runs
// the job kind named by `--job=KIND` from the one job table (host-jobs.ts), talks to main over IPC and
// exits when the job is done; it also exits if its parent dies, so a killed app never leaves a host behind.

import { HOST_JOBS, hostKindOf } from './host-jobs.ts'
import { exitWithParent, nodeChannel } from './node-channel.ts'

exitWithParent()
const code = await HOST_JOBS[hostKindOf(process.argv)](nodeChannel())
// child_process IPC confirmed delivery already; a parent port cannot, so its last message gets a moment
setTimeout(() => process.exit(code), 'parentPort' in process ? 200 : 0)
