// Browser mode's HTTP server: serves the built renderer and the contract's WebSocket on 127.0.0.1
// only. Every request must carry the token (401 otherwise) and a loopback Host (403 otherwise);
// every response carries the strict CSP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Observable } from 'rxjs'
import { readBundleFile } from '../bundle.ts'
import { securityHeaders } from '../csp.ts'
import type { Dispatch } from '../dispatch.ts'
import type { EventMessage } from '../events.ts'
import { hostAllowed, splitPath, tokenMatches } from './access.ts'
import { attachSocket } from './socket.ts'

export interface BrowserServerOptions {
  /** the built renderer bundle */
  root: string
  token: string
  dispatch: Dispatch
  events$: Observable<EventMessage>
}

export interface BrowserServer {
  /** the URL to open, token included */
  url: string
  port: number
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
  res.end(text)
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: BrowserServerOptions, port: number) {
  const { token, rest } = splitPath(new URL(req.url ?? '/', 'http://x').pathname)
  if (!tokenMatches(opts.token, token)) {
    return send(res, 401, 'Receptive needs its access token: open the URL that `npm run serve` printed.\n')
  }
  if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'Receptive answers on 127.0.0.1 or localhost only.\n')
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' })
  if (rest === null) return send(res, 308, '', { Location: `/${opts.token}/` })
  const file = await readBundleFile(opts.root, rest)
  if (!file) return send(res, 404, 'Not found.\n')
  res.writeHead(200, { ...securityHeaders, 'Content-Type': file.type, 'Content-Length': String(file.body.length) })
  res.end(req.method === 'HEAD' ? undefined : file.body)
}

/** starts the server on 127.0.0.1 (port 0: a free one) */
export async function startBrowserServer(opts: BrowserServerOptions, port = 0): Promise<BrowserServer> {
  let bound = 0
  const server = createServer((req, res) => {
    handle(req, res, opts, bound).catch(() => send(res, 500, 'Internal error.\n'))
  })
  const wss = attachSocket(server, { token: opts.token, port: () => bound, dispatch: opts.dispatch, events$: opts.events$ })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  bound = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${bound}/${opts.token}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
