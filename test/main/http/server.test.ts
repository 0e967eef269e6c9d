// Browser mode over real sockets: the token gate (401), the Host check, the CSP header, the
// WebSocket origin check, and the contract spoken by the renderer's own WebSocket client.
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Subject } from 'rxjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { contract } from '../../../preload/contract.ts'
import { connectSocketApi, type SocketLike } from '../../../renderer/lib/socket-api.ts'
import { contentSecurityPolicy } from '../../../main/csp.ts'
import { createDispatch } from '../../../main/dispatch.ts'
import type { EventMessage } from '../../../main/events.ts'
import { createHandlers } from '../../../main/handlers.ts'
import { startBrowserServer, type BrowserServer } from '../../../main/http/server.ts'
import { tempProjects, type TempProjects } from '../temp-projects.ts'

const token = 'test-token-0123456789abcdefghijklmnopqrstuv'
const events$ = new Subject<EventMessage>()
let dir: string
let server: BrowserServer
let origin: string
let temp: TempProjects

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receptive-serve-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Receptive</title>')
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {}')
  writeFileSync(join(dir, '..', 'outside.txt'), 'outside')
  temp = tempProjects()
  const dispatch = createDispatch(contract, createHandlers({ version: '4.5.6', platform: 'linux', projects: temp.projects }))
  server = await startBrowserServer({ root: dir, token, dispatch, events$ })
  origin = `http://127.0.0.1:${server.port}`
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  temp.dispose()
})

/** a raw request (no URL normalisation), with optional headers */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function openSocket(path: string, socketOrigin: string | undefined) {
  return new WebSocket(`ws://127.0.0.1:${server.port}${path}`, socketOrigin ? { origin: socketOrigin } : {})
}

/** the HTTP status a refused upgrade got */
function refusal(ws: WebSocket) {
  return new Promise<number>((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => reject(new Error('the socket opened')))
  })
}

function api(ws: WebSocket) {
  return connectSocketApi(ws as unknown as SocketLike)
}

describe('browser mode HTTP', () => {
  it('binds loopback only and prints the token in the URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${token}/`)
  })

  it.each(['/', '/index.html', '/assets/index.js', '/wrong-token/', `/${token.slice(0, -1)}/`, `/${token}x/`, '/favicon.ico'])(
    'answers 401 to %s without the token',
    async (path) => {
      const res = await get(path)
      expect(res.status).toBe(401)
      expect(res.body).not.toContain('<title>')
      expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy)
    },
  )

  it('serves the app with the token, with the CSP header', async () => {
    const res = await get(`/${token}/`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Receptive</title>')
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect((await get(`/${token}/assets/index.js`)).headers['content-type']).toMatch(/^text\/javascript/)
  })

  it('redirects the bare token to its folder', async () => {
    const res = await get(`/${token}`)
    expect(res.status).toBe(308)
    expect(res.headers.location).toBe(`/${token}/`)
  })

  it('refuses paths out of the bundle, foreign Host headers and writes', async () => {
    expect((await get(`/${token}/..%2f..%2foutside.txt`)).status).toBe(404)
    const dotted = await get(`/${token}/%2e%2e/outside.txt`) // URL parsing resolves %2e%2e: the token is gone
    expect(dotted.status).toBe(401)
    expect(dotted.body).not.toContain('outside')
    expect((await get(`/${token}/`, { Host: 'evil.example' })).status).toBe(403)
    expect((await get(`/${token}/`, {}, 'POST')).status).toBe(405)
  })
})

describe('browser mode WebSocket', () => {
  it.each([
    ['a foreign origin', 'http://evil.example'],
    ['an opaque origin', 'null'],
    ['another local port', 'http://127.0.0.1:1'],
    ['no origin', undefined],
  ])('refuses %s with 403', async (_name, socketOrigin) => {
    expect(await refusal(openSocket(`/${token}/ws`, socketOrigin))).toBe(403)
  })

  it('refuses a socket without the token with 401', async () => {
    expect(await refusal(openSocket('/ws', origin))).toBe(401)
    expect(await refusal(openSocket('/nope/ws', origin))).toBe(401)
  })

  it('speaks the contract through the renderer client', async () => {
    const ws = openSocket(`/${token}/ws`, origin)
    const client = api(ws)
    const info = await client.invoke('app.info')
    expect(info.version).toBe('4.5.6')
    expect(info.backends[0]).toEqual({ name: 'cpu' })
    await expect((client.invoke as (c: string) => Promise<unknown>)('fs.read')).rejects.toMatchObject({ code: 'unknown-call' })
    await expect((client.invoke as (c: string, a: unknown) => Promise<unknown>)('app.info', 7)).rejects.toMatchObject({ code: 'invalid-argument' })
    ws.close()
  })

  it('answers malformed frames with errors and keeps the connection', async () => {
    const ws = openSocket(`/${token}/ws`, origin)
    const replies: unknown[] = []
    await new Promise((resolve) => ws.on('open', resolve))
    ws.on('message', (m) => replies.push(JSON.parse(String(m))))
    for (const frame of ['not json', '{"id":3}', '{"id":"x","call":"app.info"}', 'null', '[]']) ws.send(frame)
    ws.send(Buffer.from([1, 2, 3]), { binary: true })
    await expect.poll(() => replies.length).toBe(6)
    expect(replies).toContainEqual({ id: null, ok: false, error: { code: 'bad-request', message: 'a request must be JSON' } })
    expect(replies).toContainEqual(expect.objectContaining({ id: 3, ok: false, error: expect.objectContaining({ code: 'bad-request' }) }))
    expect(replies.every((r) => (r as { ok: boolean }).ok === false)).toBe(true)
    expect(await api(ws).invoke('project.current')).toEqual({ name: 'Untitled', path: null })
    ws.close()
  })

  it('pushes events to every open page', async () => {
    const ws = openSocket(`/${token}/ws`, origin)
    await new Promise((resolve) => ws.on('open', resolve))
    const client = api(ws)
    const seen: unknown[] = []
    const on = client.on as (event: string, l: (p: unknown) => void) => () => void
    const off = on('run.progress', (p) => seen.push(p))
    events$.next({ event: 'run.progress', payload: { step: 1 } })
    await expect.poll(() => seen).toEqual([{ step: 1 }])
    off()
    events$.next({ event: 'run.progress', payload: { step: 2 } })
    await new Promise((r) => setTimeout(r, 50))
    expect(seen).toEqual([{ step: 1 }])
    ws.close()
  })
})
