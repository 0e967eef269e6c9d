// Links leave the app only as https: URLs to listed hosts (RELIABILITY.md A14): every other scheme,
// UNC and backslash paths, credentials, ports and look-alike hosts are refused.
import { describe, expect, it, vi } from 'vitest'
import { allowedExternalUrl, externalWindowHandler } from '../../../main/electron/external-links.ts'

describe('allowedExternalUrl', () => {
  it('passes https links to listed hosts, normalised', () => {
    expect(allowedExternalUrl('https://github.com/x/y#readme')).toBe('https://github.com/x/y#readme')
    expect(allowedExternalUrl('https://ONNX.ai/onnx/operators')).toBe('https://onnx.ai/onnx/operators')
  })

  it.each([
    'http://github.com/',
    'file:///etc/passwd',
    'file://server/share/x',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://github.com/share',
    'ms-settings:privacy',
    'vscode://file/x',
    'app://receptive/index.html',
    '\\\\server\\share\\evil.exe',
    '//github.com/x',
    'https:\\\\github.com\\x',
    'https://github.com.evil.com/',
    'https://evilgithub.com/',
    'https://user:pw@github.com/',
    'https://github.com@evil.com/',
    'https://github.com:8443/',
    'https://github.com/ x',
    ' https://github.com/',
    'github.com',
    '',
  ])('refuses %j', (url) => {
    expect(allowedExternalUrl(url)).toBeNull()
  })

  it('refuses anything that is not a string, and very long strings', () => {
    for (const v of [null, undefined, 1, {}, ['https://github.com/']]) expect(allowedExternalUrl(v)).toBeNull()
    expect(allowedExternalUrl(`https://github.com/${'a'.repeat(3000)}`)).toBeNull()
  })

  it('follows the host list it is given', () => {
    expect(allowedExternalUrl('https://example.org/', ['example.org'])).toBe('https://example.org/')
    expect(allowedExternalUrl('https://github.com/', ['example.org'])).toBeNull()
  })
})

describe('externalWindowHandler', () => {
  it('always denies the window and opens only allowed links outside', () => {
    const open = vi.fn()
    const handler = externalWindowHandler(open)
    expect(handler({ url: 'https://evil.com/' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(open).not.toHaveBeenCalled()
    expect(handler({ url: 'https://pytorch.org/docs' })).toEqual({ action: 'deny' })
    expect(open).toHaveBeenCalledExactlyOnceWith('https://pytorch.org/docs')
  })
})
