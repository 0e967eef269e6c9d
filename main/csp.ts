// The Content-Security-Policy and companion headers for every response that carries the renderer
// (app:// under Electron, HTTP in browser mode). Sent as headers, not <meta>, so frame-ancestors
// holds. Svelte compiles ahead of time and Vite emits no inline code: no 'unsafe-*' is needed.

const policy: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
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
