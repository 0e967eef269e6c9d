// For the watchdog test: a process with no IPC channel (as a utility process looks to Node) that arms
// exitWithParent, says its pid, and would otherwise stay forever.

import { exitWithParent } from '../../../engine/host/node-channel.ts'

exitWithParent(process, 100)
process.stdout.write(`${process.pid}\n`)
setInterval(() => {}, 1000)
