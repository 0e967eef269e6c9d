// The inspection host's entry in a Node process: an Electron utility process or a child_process fork
// (the same channel as a training host, node-channel.ts). It answers main's requests one at a time, in
// order, until main lets it go; like a training host it exits when its parent dies. A request that fails
// to parse or to run gets an error reply, never a crash.

import { setBackend } from '../backend/select.ts'
import { INSPECT_PROTOCOL_VERSION, inspectRequestSchema, type InspectReply } from './inspect-protocol.ts'
import { runInspectJob } from './inspect-jobs.ts'
import { exitWithParent, nodeChannel } from './node-channel.ts'

exitWithParent()
await setBackend('cpu')
const channel = nodeChannel()
// the channel is typed for training events; it carries any structured-clone message
const send = (reply: InspectReply) => channel.send(reply as never)
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 10_000)

let queue = Promise.resolve()
channel.onMessage((raw) => {
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
