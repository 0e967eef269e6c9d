// Browser mode's door: the token is required for every request, the WebSocket speaks the contract
// and answers malformed messages with a clear error, and a foreign origin cannot open it.
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import WebSocket from 'ws'
import { exchange } from './socket-frames.ts'
import { scratchDir, serveUrl } from './serve-env.ts'

test('every request without the right token is refused with 401', async ({ request }) => {
  const url = serveUrl()
  for (const path of ['/', '/index.html', '/assets/', `/${'x'.repeat(43)}/`]) {
    const res = await request.get(new URL(path, url.origin).href)
    expect(res.status(), path).toBe(401)
    expect(await res.text()).toContain('access token')
  }
  const ok = await request.get(url.href)
  expect(ok.status()).toBe(200)
  const csp = ok.headers()['content-security-policy']
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("script-src 'self'")
})

test('a contract call over the WebSocket works', async ({ page }) => {
  const [info, graph] = (await exchange(page, [
    JSON.stringify({ id: 1, call: 'app.info' }),
    JSON.stringify({ id: 2, call: 'graph.get' }),
  ])) as [{ id: number; ok: boolean; result: { version: string; backends: { name: string }[] } }, { ok: boolean; result: { spec: { format: string } } }]
  expect(info.id).toBe(1)
  expect(info.ok).toBe(true)
  expect(info.result.version).toMatch(/^\d+\.\d+\.\d+/)
  expect(info.result.backends[0]).toEqual({ name: 'cpu' })
  expect(graph.ok).toBe(true)
  expect(graph.result.spec.format).toBe('receptive.graph/1')
})

test('malformed messages get a clear error and the connection stays up', async ({ page }) => {
  const replies = (await exchange(page, [
    'this is not json',
    JSON.stringify({ call: 'app.info' }),
    JSON.stringify({ id: 3, call: 'fs.readFile', arg: '/etc/passwd' }),
    JSON.stringify({ id: 4, call: 'project.open', arg: { path: 42 } }),
    JSON.stringify({ id: 5, call: 'app.info' }),
  ])) as { id: number | null; ok: boolean; error?: { code: string; message: string } }[]
  expect(replies[0]).toEqual({ id: null, ok: false, error: { code: 'bad-request', message: 'a request must be JSON' } })
  expect(replies[1]).toMatchObject({ id: null, ok: false, error: { code: 'bad-request' } })
  expect(replies[1].error?.message).toContain('id')
  expect(replies[2]).toMatchObject({ id: 3, ok: false, error: { code: 'unknown-call', message: 'unknown call "fs.readFile"' } })
  expect(replies[3]).toMatchObject({ id: 4, ok: false, error: { code: 'invalid-argument' } })
  expect(replies[3].error?.message).toMatch(/^project\.open: .*path/s)
  expect(replies[4]).toMatchObject({ id: 5, ok: true })
})

test('the WebSocket refuses a missing token and a foreign origin', async () => {
  const url = serveUrl()
  const status = (target: string, origin: string) =>
    new Promise<number>((done) => {
      const ws = new WebSocket(target, { origin })
      ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0))
      ws.on('open', () => (ws.close(), done(101)))
      ws.on('error', () => done(-1))
    })
  const wsUrl = new URL('ws', url.href).href.replace(/^http/, 'ws')
  expect(await status(wsUrl.replace(url.pathname, `/${'y'.repeat(43)}/`), url.origin)).toBe(401)
  expect(await status(wsUrl, 'https://evil.example')).toBe(403)
  expect(await status(wsUrl, url.origin)).toBe(101)
})

test('markup in a project name is shown as text and never runs', async ({ page }) => {
  const name = '<img src=x onerror=window.__xss=1>'
  await page.goto(serveUrl().href)
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Save As…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save project as' })
  await dialog.getByRole('textbox').fill(join(scratchDir(), name))
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  expect(await page.locator('header img').count()).toBe(0)
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
})
