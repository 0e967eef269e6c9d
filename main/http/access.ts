// Who may talk to browser mode: whoever holds the random token (first path segment of every URL),
// through the loopback host names, and for WebSockets only pages of our own origin. The token
// rides in the path so that every asset and the socket carry it with no cookie to leak across ports.
import { randomBytes, timingSafeEqual } from 'node:crypto'

/** a fresh access token: 32 random bytes, URL-safe */
export function makeToken(): string {
  return randomBytes(32).toString('base64url')
}

/** constant-time token comparison */
export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** splits "/<token>/rest" into the token and the rest ("/" at least; null when the slash is missing) */
export function splitPath(pathname: string): { token: string | null; rest: string | null } {
  const m = /^\/([^/]+)(\/.*)?$/.exec(pathname)
  if (!m) return { token: null, rest: null }
  return { token: m[1], rest: m[2] ?? null }
}

/** the origins a page served by us on this port has */
export function localOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

/** the Host header must name loopback on our port (a rebound DNS name is refused) */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** a WebSocket may only be opened by a page of our own origin */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin !== undefined && localOrigins(port).includes(origin)
}
