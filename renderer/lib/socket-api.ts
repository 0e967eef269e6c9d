// Browser mode's side of the contract: the same Api as the preload's, over one WebSocket. Calls
// made before the socket opens wait for it; once it closes, pending and later calls fail with a
// message that says what to do.
import type { Api } from '../../preload/contract.ts'
import { RpcError, unwrapReply, type WireEvent, type WireReply, type WireRequest } from '../../preload/rpc.ts'

/** the part of a WebSocket this client uses (the browser's, or the `ws` package's in tests) */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  addEventListener(type: 'open' | 'close', listener: () => void): void
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void
}

const OPEN = 1

export function connectSocketApi(socket: SocketLike): Api {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let closed: RpcError | null = null

  let markOpen = () => {}
  let markClosed = (_: RpcError) => {}
  const opened = new Promise<void>((resolve, reject) => {
    markOpen = resolve
    markClosed = reject
  })
  opened.catch(() => {}) // a close before any call is reported by the calls, not as unhandled
  if (socket.readyState === OPEN) markOpen()
  socket.addEventListener('open', () => markOpen())
  socket.addEventListener('close', () => {
    closed = new RpcError('disconnected', 'the connection to Receptive closed: is `npm run serve` still running? Reload the page after restarting it.')
    markClosed(closed)
    for (const p of pending.values()) p.reject(closed)
    pending.clear()
  })

  socket.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as WireReply | WireEvent
    if ('event' in msg) {
      for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload)
      return
    }
    const call = msg.id === null ? undefined : pending.get(msg.id)
    if (!call || msg.id === null) return
    pending.delete(msg.id)
    try {
      call.resolve(unwrapReply(msg))
    } catch (err) {
      call.reject(err as Error)
    }
  })

  const invoke = async (call: string, arg?: unknown): Promise<unknown> => {
    if (closed) throw closed
    await opened
    const request: WireRequest = { id: nextId++, call, arg }
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject })
      socket.send(JSON.stringify(request))
    })
  }

  const on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set.add(listener))
    return () => void set.delete(listener)
  }

  return { invoke, on } as Api
}
