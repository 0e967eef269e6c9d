// The host session over an in-memory channel: events are stamped with the run and numbered, the job ends
// with exactly one final event, pause/resume/stop reach the loop between steps, and errors (a throwing
// job, a malformed message from main) become `failed` with the reason.

import { describe, expect, it } from 'vitest'
import { serveJob, type HostChannel, type JobRunner } from '../../../engine/host/host-session.ts'
import { firstEpochSnapshots } from '../../../engine/host/snapshot-schedule.ts'
import { PROTOCOL_VERSION, type HostMessage } from '../../../engine/host/protocol.ts'

/** a channel whose far end is this test: what the host sends is kept, and `deliver` plays main */
function memoryChannel() {
  const sent: HostMessage[] = []
  let listener: (raw: unknown) => void = () => {}
  const channel: HostChannel = {
    send: async m => void sent.push(m),
    onMessage: l => (listener = l),
  }
  const waitFor = async (type: HostMessage['type']) => {
    while (!sent.some(m => m.type === type)) await new Promise(r => setTimeout(r, 1))
  }
  return { channel, sent, deliver: (m: unknown) => listener(m), waitFor }
}

const job = {
  runId: 5, spec: {}, dataset: {}, seed: 1, backend: 'cpu',
  hyper: { epochs: 1, batchSize: 1, optimizer: { kind: 'sgd', lr: 0.1 } },
}
const start = { v: PROTOCOL_VERSION, type: 'start', job }

/** a job that takes `steps` steps, reporting each and checking in with the control between them */
const counting = (steps: number): JobRunner => async (_job, control, emit) => {
  for (let step = 1; step <= steps; step++) {
    emit({ type: 'progress', step, epoch: 1, loss: 1 / step, accuracy: 0, imagesPerSecond: 1, lr: 0.1 })
    if (!(await control.between(step))) return { outcome: 'stopped', step, epoch: 1 }
  }
  return { outcome: 'done', step: steps, epoch: 1 }
}

describe('serveJob', () => {
  it('stamps, numbers and ends a job with one final event', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(3))
    c.deliver(start)
    expect(await exit).toBe(0)
    expect(c.sent.map(m => m.type)).toEqual(['progress', 'progress', 'progress', 'done'])
    expect(c.sent.map(m => m.seq)).toEqual([1, 2, 3, 4])
    expect(c.sent.every(m => m.runId === 5 && m.v === PROTOCOL_VERSION)).toBe(true)
    expect(c.sent.at(-1)).toMatchObject({ type: 'done', step: 3, epoch: 1 })
  })

  it('turns a throwing job into failed, with the stack as detail, and exit code 1', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, async () => { throw new Error('no such dataset: /gone') })
    c.deliver(start)
    expect(await exit).toBe(1)
    expect(c.sent).toHaveLength(1)
    expect(c.sent[0]).toMatchObject({ type: 'failed', error: 'no such dataset: /gone', runId: 5 })
    expect((c.sent[0] as { detail: string }).detail).toMatch(/at /)
  })

  it('fails on a malformed message from main, naming the problem', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(1))
    c.deliver({ v: PROTOCOL_VERSION, type: 'start', job: { ...job, seed: 'x' } })
    expect(await exit).toBe(1)
    expect(c.sent[0]).toMatchObject({ type: 'failed', runId: 0 })
    expect((c.sent[0] as { error: string }).error).toMatch(/invalid message from main.*seed/s)
  })

  it('refuses a second job', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(1000))
    c.deliver(start)
    c.deliver(start)
    expect(await exit).toBe(1)
    expect(c.sent.at(-1)).toMatchObject({ type: 'failed', error: 'this engine host already runs a job' })
  })

  it('pauses between steps, resumes, and stops', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(1_000_000))
    c.deliver(start)
    c.deliver({ v: 1, type: 'pause' })
    await c.waitFor('paused')
    const atPause = c.sent.length
    await new Promise(r => setTimeout(r, 30))
    expect(c.sent.length).toBe(atPause) // no step while paused
    c.deliver({ v: 1, type: 'resume' })
    await c.waitFor('resumed')
    c.deliver({ v: 1, type: 'stop' })
    expect(await exit).toBe(0)
    const types = c.sent.map(m => m.type)
    expect(types.at(-1)).toBe('stopped')
    const paused = c.sent.find(m => m.type === 'paused')!
    const resumed = c.sent.find(m => m.type === 'resumed')!
    expect(paused.type === 'paused' && resumed.type === 'resumed' && paused.step === resumed.step).toBe(true)
    expect(c.sent.map(m => m.seq)).toEqual(c.sent.map((_, i) => i + 1))
  })

  it('stops while paused', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(1_000_000))
    c.deliver(start)
    c.deliver({ v: 1, type: 'pause' })
    await c.waitFor('paused')
    c.deliver({ v: 1, type: 'stop' })
    expect(await exit).toBe(0)
    expect(c.sent.slice(-2).map(m => m.type)).toEqual(['paused', 'stopped'])
  })

  it('ends at once when stopped before the job arrived', async () => {
    const c = memoryChannel()
    const exit = serveJob(c.channel, counting(1))
    c.deliver({ v: 1, type: 'stop' })
    expect(await exit).toBe(0)
    expect(c.sent.map(m => m.type)).toEqual(['stopped'])
  })
})

describe('firstEpochSnapshots', () => {
  it('spreads snapshots over the first epoch at ends of readback groups', () => {
    expect([...firstEpochSnapshots(100, 4, 10)]).toEqual([20, 40, 60, 80])
    expect([...firstEpochSnapshots(100, 3, 1)]).toEqual([25, 50, 75])
    for (const s of firstEpochSnapshots(937, 5, 20)) expect(s % 20).toBe(0)
  })

  it('leaves out the epoch end (snapshotted anyway) and repeats', () => {
    expect([...firstEpochSnapshots(10, 4, 10)]).toEqual([])
    expect([...firstEpochSnapshots(4, 8, 1)]).toEqual([1, 2, 3])
    expect([...firstEpochSnapshots(100, 0, 1)]).toEqual([])
  })
})
