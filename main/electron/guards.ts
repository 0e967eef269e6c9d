// Refusals every web contents gets: no permission is granted, no navigation leaves the app's
// origins, no window opens (an allowlisted https link goes to the system browser), no <webview>
// attaches. Plain functions over the few members of Electron's objects they use, so tests can drive them.
import { externalWindowHandler } from './external-links.ts'
import { isTrustedUrl } from './origins.ts'

export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false)
}

export function denyPermissionCheck(): boolean {
  return false
}

interface Preventable { preventDefault(): void }

/** a will-navigate / will-redirect listener that stops any target outside the origins */
export function navigationGuard(origins: string[]) {
  return (event: Preventable & { url: string }) => {
    if (!isTrustedUrl(event.url, origins)) event.preventDefault()
  }
}

/** the members of WebContents the guards use */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable & { url: string }) => void): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** `openExternal` is Electron's shell.openExternal; it only ever sees allowlisted https URLs */
export function guardContents(contents: GuardedContents, origins: string[], openExternal: (url: string) => unknown): void {
  const guard = navigationGuard(origins)
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(externalWindowHandler(openExternal))
}
