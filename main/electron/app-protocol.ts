// The app:// protocol: serves the renderer bundle (instead of file://) with the CSP as a header.
// The handler is a plain Request → Response function; paths outside the bundle get 404.
import type { CustomScheme } from 'electron'
import { readBundleFile } from '../bundle.ts'
import { securityHeaders } from '../csp.ts'
import { APP_HOST, APP_SCHEME } from './origins.ts'

/** registered before app ready: a standard, secure scheme (so it gets an origin and fetch) */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

const refuse = (status: number, text: string) =>
  new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } })

export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return refuse(404, 'Not found.')
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed.')
    const file = await readBundleFile(root, url.pathname)
    if (!file) return refuse(404, 'Not found.')
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': file.type },
    })
  }
}
