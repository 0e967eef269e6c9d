// Electron IPC side of the contract: one ipcMain.handle per call, answering only the top frame of
// a page from a trusted origin (anything else gets a "forbidden" reply), and events forwarded to
// every window. The preload (preload/bridge.ts) is the other end.
import type { Observable, Subscription } from 'rxjs'
import { contract } from '../../preload/contract.ts'
import type { Reply } from '../../preload/rpc.ts'
import type { Dispatch } from '../dispatch.ts'
import type { EventMessage } from '../events.ts'
import { isTrustedUrl } from './origins.ts'

/** the members of WebFrameMain the sender check reads */
export interface SenderFrame { url: string; parent: unknown }

/** an IPC sender may call main only from the top frame of a trusted origin */
export function isTrustedSender(frame: SenderFrame | null | undefined, origins: string[]): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url, origins)
}

/** the member of ipcMain this module uses */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, arg: unknown) => Promise<Reply>): void
}

const forbidden: Reply = { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame was refused' } }

export function registerIpc(ipc: IpcMainLike, dispatch: Dispatch, origins: string[]): void {
  for (const call of Object.keys(contract.calls)) {
    ipc.handle(call, async (event, arg) => (isTrustedSender(event.senderFrame, origins) ? dispatch(call, arg) : forbidden))
  }
}

/** pushes every event to the windows that exist at that moment */
export function forwardEvents(events$: Observable<EventMessage>, targets: () => { send(channel: string, payload: unknown): void }[]): Subscription {
  return events$.subscribe(({ event, payload }) => {
    for (const target of targets()) target.send(event, payload)
  })
}
