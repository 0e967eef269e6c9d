// The main-side client of an inspection host over an in-memory process: replies reach the request with
// their id, errors become rejections, a malformed reply or the process ending fails what is pending (and
// the next request starts a fresh host).

import { describe, expect, it } from 'vitest'
import { InspectClient, type InspectProcess } from '../../../engine/host/inspect-client.ts'
import { INSPECT_PROTOCOL_VERSION, type InspectRequest } from '../../../engine/host/inspect-protocol.ts'

function fakeHosts() {
  const started: { sent: InspectRequest[]; reply: (m: unknown) => void; exit: (why: string) => void; killed: boolean }[] = []
  const spawn = (): InspectProcess => {
    let onMessage: (m: unknown) => void = () => {}
    let onExit: (why: string) => void = () => {}
    const host = { sent: [] as InspectRequest[], reply: (m: unknown) => onMessage(m), exit: (w: string) => onExit(w), killed: false }
    started.push(host)
    return {
      send: (m) => void host.sent.push(m),
      onMessage: (l) => (onMessage = l),
      onExit: (l) => (onExit = l),
      kill: () => (host.killed = true),
    }
  }
  return { started, spawn }
}

const body = { type: 'maximize' as const, model: { spec: {}, weights: {} }, options: { node: 'c', channel: 0 } }
const v = INSPECT_PROTOCOL_VERSION

describe('InspectClient', () => {
  it('matches replies to requests by id, in any order', async () => {
    const { started, spawn } = fakeHosts()
    const client = new InspectClient(spawn)
    const a = client.request(body)
    const b = client.request(body)
    expect(started).toHaveLength(1)
    const [first, second] = started[0].sent
    expect([first.v, first.id, second.id]).toEqual([v, 1, 2])
    started[0].reply({ v, id: 2, ok: false, error: 'no node c' })
    started[0].reply({ v, id: 1, ok: true, result: 'A' })
    await expect(a).resolves.toBe('A')
    await expect(b).rejects.toThrow('no node c')
    client.close()
  })

  it('fails pending requests when the host sends nonsense or ends, then starts a new host', async () => {
    const { started, spawn } = fakeHosts()
    const client = new InspectClient(spawn)
    const a = client.request(body)
    started[0].reply({ v, id: 1, ok: 'yes' })
    await expect(a).rejects.toThrow(/malformed reply/)
    expect(started[0].killed).toBe(true)
    const b = client.request(body)
    expect(started).toHaveLength(2)
    started[1].exit('ended (SIGKILL)')
    await expect(b).rejects.toThrow('the inspection host ended (SIGKILL)')
    client.close()
  })
})
