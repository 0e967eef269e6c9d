// The inspection host's entry in a Node process (a child_process fork with structured-clone IPC). It
// answers main's requests one at a time, in order, until main lets it go; like a training host it exits
// when its parent dies. A request that fails to parse or to run gets an error reply, never a crash.

import { setBackend } from '../backend/select.ts'
import { INSPECT_PROTOCOL_VERSION, inspectRequestSchema, type InspectReply } from './inspect-protocol.ts'
import { runInspectJob } from './inspect-jobs.ts'
import { exitWithParent } from './node-channel.ts'

exitWithParent()
await setBackend('cpu')
const send = (reply: InspectReply) => new Promise<void>(done => process.send!(reply, undefined, undefined, () => done()))
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 10_000)

let queue = Promise.resolve()
process.on('message', (raw) => {
  const id = typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as { id?: unknown }).id) ? (raw as { id: number }).id : 0
  queue = queue.then(async () => {
    const parsed = inspectRequestSchema.safeParse(raw)
    const reply: InspectReply = parsed.success
      ? await runInspectJob(parsed.data).then(
        (result) => ({ v: INSPECT_PROTOCOL_VERSION, id, ok: true as const, result }),
        (err: unknown) => ({ v: INSPECT_PROTOCOL_VERSION, id, ok: false as const, error: reason(err) }))
      : { v: INSPECT_PROTOCOL_VERSION, id, ok: false, error: `invalid inspection request: ${parsed.error.message}` }
    await send(reply)
  })
})
