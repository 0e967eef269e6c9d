// Turns one incoming call (name + argument, untrusted) into a Reply: checks the name, validates the
// argument against the contract, runs the handler, checks its result. Never throws: a malformed
// message gets an error reply naming what is wrong. Both transports (IPC, WebSocket) use this.
import { z } from 'zod'
import type { Contract, ErrorCode, Reply } from '../preload/rpc.ts'

/** one handler per call of the contract: a call without a handler does not compile */
export type Handlers<C extends Contract> = {
  [K in keyof C['calls']]: (
    arg: z.output<C['calls'][K]['input']>,
  ) => z.input<C['calls'][K]['output']> | Promise<z.input<C['calls'][K]['output']>>
}

/** answers one untrusted call */
export type Dispatch = (call: unknown, arg: unknown) => Promise<Reply>

const fail = (code: ErrorCode, message: string): Reply => ({ ok: false, error: { code, message } })

export function createDispatch<C extends Contract>(contract: C, handlers: Handlers<C>): Dispatch {
  return async (call, arg) => {
    if (typeof call !== 'string' || !Object.hasOwn(contract.calls, call)) {
      return fail('unknown-call', `unknown call ${JSON.stringify(call) ?? String(call)}`)
    }
    const def = contract.calls[call]
    const input = def.input.safeParse(arg)
    if (!input.success) return fail('invalid-argument', `${call}: ${z.prettifyError(input.error)}`)
    let result: unknown
    try {
      result = await (handlers[call] as (a: unknown) => unknown)(input.data)
    } catch (err) {
      return fail('failed', `${call}: ${err instanceof Error ? err.message : String(err)}`)
    }
    // a handler returning the wrong shape is our bug; say so instead of passing it on
    const output = def.output.safeParse(result)
    if (!output.success) return fail('invalid-result', `${call} returned an invalid result: ${z.prettifyError(output.error)}`)
    return { ok: true, result: output.data }
  }
}
