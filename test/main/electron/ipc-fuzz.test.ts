// Malformed IPC payloads (RELIABILITY.md A16): every call of the contract gets hundreds of hostile
// arguments (wrong types, prototype keys, deep nesting, cycles, huge strings, typed arrays), and
// unknown or inherited call names. The reply is always a Reply, never a throw, and a handler never
// sees an argument its schema refuses.
import { describe, expect, it } from 'vitest'
import { contract } from '../../../preload/contract.ts'
import type { Reply } from '../../../preload/rpc.ts'
import { createDispatch, type Handlers } from '../../../main/dispatch.ts'
import { registerIpc, type IpcMainLike } from '../../../main/electron/ipc.ts'
import { APP_ENTRY, trustedOrigins } from '../../../main/electron/origins.ts'

/** mulberry32: a failure names its seed and case */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const ATOMS: unknown[] = [
  undefined, null, true, false, 0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -0, '', 'x', '../../etc/passwd',
  '__proto__', 'constructor', '\u0000', 'a'.repeat(100_000), 10n, Symbol.iterator, new Float32Array(3), new Uint8Array(0),
  new Date(NaN), [], {}, Object.create(null), () => 1,
]

function junk(next: () => number, depth = 0): unknown {
  const r = next()
  if (depth > 6 || r < 0.45) return ATOMS[Math.floor(next() * ATOMS.length)]
  if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => junk(next, depth + 1))
  if (r < 0.7) {
    const cyclic: Record<string, unknown> = { id: 1 }
    cyclic.self = cyclic
    return cyclic
  }
  if (r < 0.75) return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')
  const keys = ['id', 'path', 'name', 'spec', 'runId', 'nodes', 'project', 'layout', 'kind', 'split', 'format', 'seed', 'x']
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)], junk(next, depth + 1)]))
}

type Listener = Parameters<IpcMainLike['handle']>[1]

describe('IPC under malformed payloads', () => {
  const reached: { call: string; arg: unknown }[] = []
  const handlers = new Proxy({}, {
    get: (_t, call: string) => (arg: unknown) => {
      reached.push({ call, arg })
      throw new Error('handler reached')
    },
  }) as Handlers<typeof contract>
  const listeners = new Map<string, Listener>()
  registerIpc({ handle: (channel, l) => void listeners.set(channel, l) }, createDispatch(contract, handlers), trustedOrigins())
  const top = { senderFrame: { url: APP_ENTRY, parent: null } }

  it('answers every hostile argument to every call with a Reply, and only schema-valid ones reach a handler', async () => {
    const next = rng(2024)
    let refused = 0
    for (const [call, listener] of listeners) {
      const schema = contract.calls[call as keyof typeof contract.calls].input
      for (let i = 0; i < 150; i++) {
        const arg = junk(next)
        reached.length = 0
        let reply: Reply
        try { reply = await listener(top, arg) } catch (err) { throw new Error(`${call} case ${i} threw: ${String(err)}`) }
        expect(typeof reply.ok, `${call} case ${i}`).toBe('boolean')
        if (!schema.safeParse(arg).success) {
          expect(reply, `${call} case ${i}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
          expect(reached, `${call} case ${i}`).toEqual([])
          refused++
        }
      }
    }
    expect(refused).toBeGreaterThan(listeners.size * 100)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses unknown and inherited call names', async () => {
    const dispatch = createDispatch(contract, handlers)
    for (const call of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'app.info ', 'APP.INFO', 42, null, ['app.info']]) {
      expect(await dispatch(call, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    }
  })
})
