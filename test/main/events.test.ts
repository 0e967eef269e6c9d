// The event hub pushes contract-checked events to every subscriber.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Contract } from '../../preload/rpc.ts'
import { createEventHub, type EventMessage } from '../../main/events.ts'

const testContract = { calls: {}, events: { 'run.progress': z.object({ step: z.number().int() }) } } satisfies Contract

describe('createEventHub', () => {
  it('delivers an event to every subscriber', () => {
    const hub = createEventHub(testContract)
    const a: EventMessage[] = []
    const b: EventMessage[] = []
    hub.events$.subscribe((m) => a.push(m))
    hub.events$.subscribe((m) => b.push(m))
    hub.emit('run.progress', { step: 3 })
    expect(a).toEqual([{ event: 'run.progress', payload: { step: 3 } }])
    expect(b).toEqual(a)
  })

  it('refuses a payload that breaks the contract', () => {
    const hub = createEventHub(testContract)
    const seen: EventMessage[] = []
    hub.events$.subscribe((m) => seen.push(m))
    expect(() => hub.emit('run.progress', { step: 1.5 })).toThrow()
    expect(seen).toEqual([])
  })
})
