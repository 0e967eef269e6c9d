// The shape of any renderer ⇄ main contract and of its replies, independent of what the calls are.
// Both transports (Electron IPC, browser mode's WebSocket) carry the same Reply envelope, so errors
// look the same on either side. No zod here: the renderer imports this at run time.
import type { z } from 'zod'

/** one call: the schema of its single argument and of its result */
export interface CallDef { input: z.ZodType; output: z.ZodType }
/** a contract: named calls (renderer asks, main answers) and named events (main pushes) */
export interface Contract { calls: Record<string, CallDef>; events: Record<string, z.ZodType> }

/** what the renderer may ask, as functions from argument to result */
export type InvokeOf<C extends Contract> = {
  [K in keyof C['calls']]: (arg: z.input<C['calls'][K]['input']>) => z.output<C['calls'][K]['output']>
}
/** what main may push, as payload types */
export type EventsOf<C extends Contract> = { [K in keyof C['events']]: z.output<C['events'][K]> }

// a call whose argument may be undefined can be invoked without one
type ArgList<A> = undefined extends A ? [arg?: A] : [arg: A]

/** the API the renderer holds, whichever transport carries it */
export interface ApiOf<C extends Contract> {
  invoke<K extends keyof C['calls'] & string>(
    call: K, ...arg: ArgList<z.input<C['calls'][K]['input']>>
  ): Promise<z.output<C['calls'][K]['output']>>
  /** returns the function that unsubscribes */
  on<K extends keyof C['events'] & string>(event: K, listener: (payload: EventsOf<C>[K]) => void): () => void
}

/** why a call failed: the caller can branch on the code and show the message */
export type ErrorCode =
  | 'bad-request' | 'unknown-call' | 'invalid-argument' | 'forbidden' | 'failed' | 'invalid-result' | 'disconnected'
/** main's answer to one call, on every transport */
export type Reply = { ok: true; result: unknown } | { ok: false; error: { code: ErrorCode; message: string } }

/** a failed call, as the renderer sees it */
export class RpcError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'RpcError'
    this.code = code
  }
}

/** the result of a reply, or its error thrown as an RpcError */
export function unwrapReply(reply: Reply): unknown {
  if (reply.ok) return reply.result
  throw new RpcError(reply.error.code, reply.error.message)
}

/** browser mode's WebSocket frames: a request, the reply to it (same id), and a pushed event */
export interface WireRequest { id: number; call: string; arg?: unknown }
export type WireReply = Reply & { id: number | null }
export interface WireEvent { event: string; payload: unknown }
