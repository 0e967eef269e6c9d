// Permissions are denied, navigation stays in the app, new windows and webviews never open.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { denyPermissionCheck, denyPermissionRequest, guardContents, navigationGuard } from '../../../main/electron/guards.ts'
import { devServerUrl, trustedOrigins } from '../../../main/electron/origins.ts'

const origins = trustedOrigins()
const event = (url: string) => ({ url, preventDefault: vi.fn() })

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])('denies %s', (permission) => {
    const callback = vi.fn()
    denyPermissionRequest({}, permission, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(denyPermissionCheck()).toBe(false)
  })
})

describe('navigation', () => {
  const guard = navigationGuard(origins)

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://receptive.evil.com/index.html',
    'not a url',
  ])('stops %s', (url) => {
    const e = event(url)
    guard(e)
    expect(e.preventDefault).toHaveBeenCalled()
  })

  it('lets the app navigate within itself', () => {
    const e = event('app://receptive/index.html#/runs')
    guard(e)
    expect(e.preventDefault).not.toHaveBeenCalled()
  })

  it("allows electron-vite's dev server only when it is configured", () => {
    const dev = event('http://localhost:5173/')
    navigationGuard(trustedOrigins('http://localhost:5173'))(dev)
    expect(dev.preventDefault).not.toHaveBeenCalled()
    const prod = event('http://localhost:5173/')
    guard(prod)
    expect(prod.preventDefault).toHaveBeenCalled()
  })
})

describe('guardContents', () => {
  it('guards navigation and redirects, denies new windows and refuses webviews', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    const openExternal = vi.fn()
    guardContents(contents, origins, openExternal)

    for (const name of ['will-navigate', 'will-redirect']) {
      const away = event('https://example.com/')
      contents.emit(name, away)
      expect(away.preventDefault).toHaveBeenCalled()
    }
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    const handler = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => unknown
    expect(handler({ url: 'app://receptive/index.html' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(handler({ url: 'https://github.com/receptive' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://github.com/receptive')
  })
})

describe('devServerUrl', () => {
  it('is honoured only unpackaged, and only as http on this machine', () => {
    const env = (url: string) => ({ ELECTRON_RENDERER_URL: url })
    expect(devServerUrl(env('http://localhost:5173'), false)).toBe('http://localhost:5173/')
    expect(devServerUrl(env('http://127.0.0.1:5173/'), false)).toBe('http://127.0.0.1:5173/')
    expect(devServerUrl(env('http://localhost:5173'), true)).toBeUndefined()
    for (const url of ['https://evil.example/', 'http://192.168.1.5:5173/', 'http://localhost.evil.example/', 'file:///tmp/x.html', 'javascript:1', 'nonsense']) {
      expect(devServerUrl(env(url), false), url).toBeUndefined()
    }
    expect(devServerUrl({}, false)).toBeUndefined()
  })
})
