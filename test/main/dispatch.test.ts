// Every incoming call is checked: unknown names, malformed arguments, failing handlers and wrong
// results each give an error reply (never a throw), and a missing handler is a compile error.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Contract } from '../../preload/rpc.ts'
import { createDispatch, type Handlers } from '../../main/dispatch.ts'

const testContract = {
  calls: {
    'math.add': { input: z.object({ a: z.number(), b: z.number() }), output: z.number() },
    'math.fail': { input: z.undefined(), output: z.number() },
    'math.wrong': { input: z.undefined(), output: z.number() },
  },
  events: {},
} satisfies Contract

const handlers: Handlers<typeof testContract> = {
  'math.add': ({ a, b }) => a + b,
  'math.fail': () => {
    throw new Error('division by zero')
  },
  'math.wrong': () => 'seven' as unknown as number,
}
const dispatch = createDispatch(testContract, handlers)

describe('createDispatch', () => {
  it('answers a valid call with its result', async () => {
    expect(await dispatch('math.add', { a: 2, b: 3 })).toEqual({ ok: true, result: 5 })
  })

  it.each([['math.nope'], [42], [null], ['__proto__'], ['toString'], [{ call: 'math.add' }]])('refuses the unknown call %j', async (call) => {
    const reply = await dispatch(call, undefined)
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
  })

  it.each([[undefined], [{ a: 1 }], [{ a: 1, b: '2' }], ['1+2'], [[1, 2]]])('refuses the malformed argument %j, naming the call', async (arg) => {
    const reply = await dispatch('math.add', arg)
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-argument')
      expect(reply.error.message).toMatch(/^math\.add: /)
    }
  })

  it('turns a throwing handler into a failed reply with its message', async () => {
    expect(await dispatch('math.fail', undefined)).toEqual({ ok: false, error: { code: 'failed', message: 'math.fail: division by zero' } })
  })

  it('refuses to pass on a result that breaks the contract', async () => {
    const reply = await dispatch('math.wrong', undefined)
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-result' } })
  })

  it('does not compile without a handler for every call', () => {
    // @ts-expect-error 'math.wrong' has no handler
    const partial: Handlers<typeof testContract> = { 'math.add': () => 0, 'math.fail': () => 0 }
    expect(Object.keys(partial)).toHaveLength(2)
  })
})
