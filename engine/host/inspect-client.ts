// Main's end of an inspection host: numbers each request, matches replies to them, checks every reply
// against the protocol (the host is a separate process) and fails what is pending when the process ends.
// The process itself comes from a `spawn` function, so main picks how to start it (fork, utility process).

import { INSPECT_PROTOCOL_VERSION, inspectReplySchema, type InspectRequest } from './inspect-protocol.ts'

/** a started inspection host as main sees it */
export interface InspectProcess {
  send(msg: InspectRequest): void
  onMessage(listener: (raw: unknown) => void): void
  /** once, when the process has ended; `why` says how, for the error of pending requests */
  onExit(listener: (why: string) => void): void
  kill(): void
}

type Body = InspectRequest extends infer R ? (R extends InspectRequest ? Omit<R, 'v' | 'id'> : never) : never

export class InspectClient {
  private proc: InspectProcess | null = null
  private nextId = 1
  private readonly pending = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>()
  private idle: ReturnType<typeof setTimeout> | null = null

  /** `idleMs`: the host is let go after this long without a request (and restarted on the next) */
  constructor(private readonly spawn: () => InspectProcess, private readonly idleMs = 120_000) {}

  /** sends one request and resolves with the host's (unchecked) result; rejects with its error */
  request(body: Body): Promise<unknown> {
    const proc = this.started()
    const id = this.nextId++
    if (this.idle) clearTimeout(this.idle)
    return new Promise((done, fail) => {
      this.pending.set(id, { done, fail })
      proc.send({ ...body, v: INSPECT_PROTOCOL_VERSION, id } as InspectRequest)
    })
  }

  /** ends the host now; pending requests fail */
  close(): void {
    this.proc?.kill()
    this.ended('the inspection host was closed')
  }

  private started(): InspectProcess {
    if (this.proc) return this.proc
    const proc = this.spawn()
    this.proc = proc
    proc.onMessage((raw) => {
      const parsed = inspectReplySchema.safeParse(raw)
      const id = parsed.success ? parsed.data.id : null
      const waiting = id === null ? undefined : this.pending.get(id)
      if (!parsed.success || !waiting) {
        // a host that says nonsense is not trusted with the next request either
        proc.kill()
        return void this.ended('the inspection host sent a malformed reply')
      }
      this.pending.delete(id!)
      if (parsed.data.ok) waiting.done(parsed.data.result)
      else waiting.fail(new Error(parsed.data.error))
      if (this.pending.size === 0) this.idle = setTimeout(() => this.close(), this.idleMs)
      this.idle?.unref?.()
    })
    proc.onExit((why) => {
      if (this.proc === proc) this.ended(`the inspection host ${why}`)
    })
    return proc
  }

  private ended(why: string): void {
    this.proc = null
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    this.failAll(new Error(why))
  }

  private failAll(err: Error): void {
    const waiting = [...this.pending.values()]
    this.pending.clear()
    for (const w of waiting) w.fail(err)
  }
}
