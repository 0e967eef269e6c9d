// The origins Electron's windows may show and talk from: the app:// bundle, plus electron-vite's
// dev server during `npm run dev`. Origins are compared on parsed URLs, never on string prefixes.

export const APP_SCHEME = 'app'
export const APP_HOST = 'receptive'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/** scheme://host[:port] of a URL (Node's URL.origin is "null" for custom schemes), or null */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.host ? `${u.protocol}//${u.host}` : null
  } catch {
    return null
  }
}

/**
 * electron-vite's dev server from the environment, honoured only in an unpackaged app and only as an
 * http URL on this machine (RELIABILITY.md A1): a shipped app never loads pages from elsewhere, whatever
 * the environment says.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return undefined
  try {
    const u = new URL(raw)
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) ? u.href : undefined
  } catch {
    return undefined
  }
}

/** the app origin, and the dev server's when there is one */
export function trustedOrigins(devServerUrl?: string): string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN]
}

export function isTrustedUrl(url: string, origins: string[]): boolean {
  const origin = originOf(url)
  return origin !== null && origins.includes(origin)
}
