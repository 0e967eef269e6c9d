import { describe, expect, it } from 'vitest'
import { hostAllowed, makeToken, originAllowed, splitPath, tokenMatches } from '../../../main/http/access.ts'

describe('access', () => {
  it('makes long, URL-safe, fresh tokens', () => {
    const a = makeToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(makeToken()).not.toBe(a)
  })

  it('matches only the exact token', () => {
    const t = makeToken()
    expect(tokenMatches(t, t)).toBe(true)
    expect(tokenMatches(t, null)).toBe(false)
    expect(tokenMatches(t, '')).toBe(false)
    expect(tokenMatches(t, t.slice(1))).toBe(false)
    expect(tokenMatches(t, `${t}x`)).toBe(false)
    expect(tokenMatches(t, `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`)).toBe(false)
  })

  it('splits the token off the path', () => {
    expect(splitPath('/abc/assets/x.js')).toEqual({ token: 'abc', rest: '/assets/x.js' })
    expect(splitPath('/abc/')).toEqual({ token: 'abc', rest: '/' })
    expect(splitPath('/abc')).toEqual({ token: 'abc', rest: null })
    expect(splitPath('/')).toEqual({ token: null, rest: null })
    expect(splitPath('//x')).toEqual({ token: null, rest: null })
  })

  it('accepts loopback hosts and our own origins on our port only', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true)
    expect(hostAllowed('localhost:4000', 4000)).toBe(true)
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false)
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false)
    expect(hostAllowed(undefined, 4000)).toBe(false)
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true)
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true)
    expect(originAllowed('http://evil.example', 4000)).toBe(false)
    expect(originAllowed('null', 4000)).toBe(false)
    expect(originAllowed(undefined, 4000)).toBe(false)
  })
})
