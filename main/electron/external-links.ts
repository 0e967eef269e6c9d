// Which links may leave the app for the system browser (RELIABILITY.md A13/A14): only https: URLs to
// a fixed list of hosts, parsed with URL (never prefix-matched), with no credentials and the default
// port. Project and dataset files can carry URLs, so anything else is refused, not "cleaned".

/** hosts a link may open in the browser: the project's home and the references its help cites */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com', 'onnx.ai', 'pytorch.org', 'docs.pytorch.org', 'yann.lecun.com']

/** the URL to hand to shell.openExternal, normalised by URL, or null when it may not leave the app */
export function allowedExternalUrl(raw: unknown, hosts: readonly string[] = EXTERNAL_HOSTS): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\\]/.test(raw)) return null
  let url: URL
  try { url = new URL(raw) } catch { return null }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null
  return hosts.includes(url.hostname) ? url.href : null
}

/**
 * A setWindowOpenHandler for every web contents: no window ever opens in the app; an allowed link
 * goes to the system browser instead (through `openExternal`, Electron's shell.openExternal).
 */
export function externalWindowHandler(openExternal: (url: string) => unknown, hosts: readonly string[] = EXTERNAL_HOSTS) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    const allowed = allowedExternalUrl(url, hosts)
    if (allowed) void openExternal(allowed)
    return { action: 'deny' }
  }
}
