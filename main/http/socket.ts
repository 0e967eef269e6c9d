// Browser mode's WebSocket: the contract's transport for a page. Upgrades are allowed only on
// /<token>/ws, from our own origin, on a loopback host. Each frame is one call; a frame that is not
// JSON or not a request gets an error reply, and the connection stays up.
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Observable } from 'rxjs'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { z } from 'zod'
import type { WireReply } from '../../preload/rpc.ts'
import type { Dispatch } from '../dispatch.ts'
import type { EventMessage } from '../events.ts'
import { hostAllowed, originAllowed, splitPath, tokenMatches } from './access.ts'

const Request = z.object({ id: z.number().int().nonnegative(), call: z.string(), arg: z.unknown().optional() })
const MAX_FRAME = 16 * 1024 * 1024

export interface SocketOptions { token: string; port: () => number; dispatch: Dispatch; events$: Observable<EventMessage> }

function refuse(socket: Duplex, status: 401 | 403, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** the reply to one frame; never throws */
export async function answerFrame(data: string, dispatch: Dispatch): Promise<WireReply> {
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return { id: null, ok: false, error: { code: 'bad-request', message: 'a request must be JSON' } }
  }
  const req = Request.safeParse(parsed)
  if (!req.success) {
    const id = Request.shape.id.safeParse((parsed as { id?: unknown } | null)?.id)
    return { id: id.success ? id.data : null, ok: false, error: { code: 'bad-request', message: `a request is {id, call, arg}: ${z.prettifyError(req.error)}` } }
  }
  return { id: req.data.id, ...(await dispatch(req.data.call, req.data.arg)) }
}

function serve(ws: WebSocket, opts: SocketOptions) {
  const events = opts.events$.subscribe((m) => ws.send(JSON.stringify(m)))
  ws.on('message', async (raw: RawData, isBinary: boolean) => {
    const reply: WireReply = isBinary
      ? { id: null, ok: false, error: { code: 'bad-request', message: 'binary frames are not accepted' } }
      : await answerFrame(raw.toString(), opts.dispatch)
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply))
  })
  ws.on('close', () => events.unsubscribe())
  ws.on('error', () => ws.terminate())
}

/** accepts contract WebSockets on the server's upgrade requests */
export function attachSocket(server: Server, opts: SocketOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { token, rest } = splitPath(new URL(req.url ?? '/', 'http://x').pathname)
    if (!tokenMatches(opts.token, token) || rest !== '/ws') return refuse(socket, 401, 'Unauthorized')
    const port = opts.port()
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port)) return refuse(socket, 403, 'Forbidden')
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, opts))
  })
  return wss
}
