// app:// serves the bundle with the CSP header and refuses everything outside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProtocolHandler, appScheme } from '../../../main/electron/app-protocol.ts'
import { contentSecurityPolicy } from '../../../main/csp.ts'

let dir: string
let handle: (r: Request) => Promise<Response>

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'receptive-app-'))
  const root = join(dir, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Receptive</title>')
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'secret')
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'))
  handle = appProtocolHandler(root)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } })
  })

  it('serves the bundle with the CSP header and the file type', async () => {
    const res = await get('app://receptive/index.html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toContain('<title>Receptive</title>')
    expect((await get('app://receptive/assets/index.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it.each([
    'app://receptive/../secret.txt',
    'app://receptive/%2e%2e/secret.txt',
    'app://receptive/assets/..%2f..%2fsecret.txt',
    'app://receptive/assets/link.js',
    'app://receptive//etc/passwd',
    'app://receptive/index.html%00',
    'app://elsewhere/index.html',
  ])('refuses %s with 404 and the CSP', async (url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(await res.text()).not.toContain('secret')
  })

  it('allows only GET and HEAD', async () => {
    expect((await get('app://receptive/index.html', 'POST')).status).toBe(405)
    const head = await get('app://receptive/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
