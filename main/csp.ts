// The Content-Security-Policy and companion headers for every response that carries the renderer
// (app:// under Electron, HTTP in browser mode). Sent as headers, not <meta>, so frame-ancestors
// holds. Svelte compiles ahead of time and Vite emits no inline code. The one inline thing allowed is
// the exact style attribute Svelte puts on the wrapper of a component given CSS custom properties
// (Svelte Flow's minimap): 'unsafe-hashes' plus its hash, in style-src-attr only.

/** the one inline style attribute the renderer may carry */
export const WRAPPER_STYLE = 'display: contents'
const WRAPPER_STYLE_HASH = "'sha256-tcbDxjMo+xKqM21aCGYbs/QAJqB7yUXC06oPWDapBgc='" // sha256 of WRAPPER_STYLE

const policy: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'style-src-attr': `'unsafe-hashes' ${WRAPPER_STYLE_HASH}`,
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'", // 'self' covers the same-origin WebSocket of browser mode
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
}

export const contentSecurityPolicy = Object.entries(policy).map(([k, v]) => `${k} ${v}`).join('; ')

/** headers for every response that serves the app */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}
