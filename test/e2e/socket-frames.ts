// Sends raw frames over the page's own WebSocket (same origin, token in the path), one at a time,
// and returns the reply to each: what any script in the page could send main.
import type { Page } from '@playwright/test'
import { serveUrl } from './serve-env.ts'

export async function exchange(page: Page, frames: string[]): Promise<unknown[]> {
  await page.goto(serveUrl().href)
  return page.evaluate(async (frames) => {
    const ws = new WebSocket(new URL('ws', location.href).href.replace(/^http/, 'ws'))
    await new Promise((ok, fail) => ((ws.onopen = ok), (ws.onerror = fail)))
    const replies: unknown[] = []
    for (const frame of frames) {
      const reply = new Promise((ok) => {
        ws.onmessage = (e) => {
          const msg = JSON.parse(String(e.data)) as { event?: string }
          if (msg.event === undefined) ok(msg) // pushed events are not replies
        }
      })
      ws.send(frame)
      replies.push(await reply)
    }
    ws.close()
    return replies
  }, frames)
}
