// The renderer's one way to reach main: the preload's window.receptive under Electron, browser
// mode's WebSocket client otherwise. Components get it from context (useApi) and never learn which.
import { getContext, setContext } from 'svelte'
import type { Api } from '../../preload/contract.ts'
import { connectSocketApi } from './socket-api.ts'

declare global {
  interface Window {
    /** set by the preload under Electron */
    receptive?: Api
  }
}

/** browser mode's WebSocket URL for a page URL: "ws" beside the page, under the token's folder */
export function socketUrl(pageUrl: string): string {
  const url = new URL('ws', pageUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.href
}

export function pickApi(win: Window): Api {
  return win.receptive ?? connectSocketApi(new WebSocket(socketUrl(win.location.href)))
}

/** under Electron the window has a native File menu, which owns the project commands' shortcuts */
export function hasNativeMenu(win: Window): boolean {
  return win.receptive !== undefined
}

const key = Symbol('receptive api')

/** makes the API available to every component below the caller */
export function provideApi(api: Api): void {
  setContext(key, api)
}

export function useApi(): Api {
  const api = getContext<Api | undefined>(key)
  if (!api) throw new Error('useApi() outside the app: provideApi() was not called above this component')
  return api
}
