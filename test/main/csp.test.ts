// The CSP every app response carries is strict: nothing inline, nothing eval'd, nothing remote.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { WRAPPER_STYLE, contentSecurityPolicy, securityHeaders } from '../../main/csp.ts'

const directives = new Map(
  contentSecurityPolicy.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/)
    return [name, values] as const
  }),
)

describe('Content-Security-Policy', () => {
  it('denies by default and allows scripts and styles from the app only', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
  })

  it('forbids plugins, base changes, form posts and framing', () => {
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(directives.get(d)).toEqual(["'none'"])
  })

  it('allows exactly one inline style attribute, Svelte\'s wrapper, by its hash', () => {
    const hash = createHash('sha256').update(WRAPPER_STYLE).digest('base64')
    expect(directives.get('style-src-attr')).toEqual(["'unsafe-hashes'", `'sha256-${hash}'`])
  })

  it('has no other unsafe source and no remote host anywhere', () => {
    const rest = contentSecurityPolicy.split(';').filter((d) => !d.trim().startsWith('style-src-attr')).join(';')
    expect(rest).not.toMatch(/unsafe|\*|https?:|wss?:/)
  })

  it('is sent with nosniff and no referrer', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy)
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff')
    expect(securityHeaders['Referrer-Policy']).toBe('no-referrer')
  })
})
