// The renderer's WebSocket client against a fake socket: calls wait for the socket to open,
// replies are matched by id, and a closed socket fails every pending and later call clearly.
import { describe, expect, it } from 'vitest'
import { connectSocketApi, type SocketLike } from '../../renderer/lib/socket-api.ts'

class FakeSocket implements SocketLike {
  readyState = 0
  sent: { id: number; call: string; arg?: unknown }[] = []
  private listeners = new Map<string, ((e: { data: unknown }) => void)[]>()
  send(data: string) {
    this.sent.push(JSON.parse(data))
  }
  addEventListener(type: string, listener: (e: { data: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  fire(type: string, data?: unknown) {
    if (type === 'open') this.readyState = 1
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(data) })
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('connectSocketApi', () => {
  it('sends calls once the socket opens and matches replies by id', async () => {
    const socket = new FakeSocket()
    const api = connectSocketApi(socket)
    const info = api.invoke('app.info')
    const project = api.invoke('project.current')
    await tick()
    expect(socket.sent).toEqual([])
    socket.fire('open')
    await tick()
    expect(socket.sent.map((r) => r.call)).toEqual(['app.info', 'project.current'])
    const [a, b] = socket.sent
    socket.fire('message', { id: b.id, ok: true, result: { name: 'p', path: null } })
    socket.fire('message', { id: a.id, ok: false, error: { code: 'failed', message: 'no GPU probe' } })
    expect(await project).toEqual({ name: 'p', path: null })
    await expect(info).rejects.toMatchObject({ code: 'failed', message: 'no GPU probe' })
  })

  it('fails pending and later calls once the socket closes', async () => {
    const socket = new FakeSocket()
    const api = connectSocketApi(socket)
    socket.fire('open')
    const pending = api.invoke('app.info')
    await tick()
    socket.fire('close')
    await expect(pending).rejects.toMatchObject({ code: 'disconnected' })
    await expect(api.invoke('app.info')).rejects.toMatchObject({ code: 'disconnected', message: expect.stringContaining('npm run serve') })
  })

  it('fails a call made before a socket that never opened', async () => {
    const socket = new FakeSocket()
    const api = connectSocketApi(socket)
    const call = api.invoke('app.info')
    socket.fire('close')
    await expect(call).rejects.toMatchObject({ code: 'disconnected' })
  })

  it('delivers events to listeners until they unsubscribe', () => {
    const socket = new FakeSocket()
    const on = connectSocketApi(socket).on as (e: string, l: (p: unknown) => void) => () => void
    const seen: unknown[] = []
    const off = on('run.progress', (p) => seen.push(p))
    socket.fire('message', { event: 'run.progress', payload: 1 })
    socket.fire('message', { event: 'other', payload: 2 })
    off()
    socket.fire('message', { event: 'run.progress', payload: 3 })
    expect(seen).toEqual([1])
  })
})
