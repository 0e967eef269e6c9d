// The preload's API over Electron IPC: one ipcRenderer.invoke channel per call and one listener
// channel per event, both named by the contract and checked against it (unknown names are
// refused here, before anything reaches main). Listeners never see Electron's event object.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { contract, type Api } from './contract.ts'
import { unwrapReply, type Reply } from './rpc.ts'

/** the part of ipcRenderer the bridge uses */
export type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createBridge(ipc: IpcLike): Api {
  const invoke = async (call: string, arg?: unknown): Promise<unknown> => {
    if (!Object.hasOwn(contract.calls, call)) throw new Error(`unknown call "${call}"`)
    return unwrapReply((await ipc.invoke(call, arg)) as Reply)
  }
  const on = (event: string, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(contract.events, event)) throw new Error(`unknown event "${event}"`)
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
    ipc.on(event, forward)
    return () => void ipc.removeListener(event, forward)
  }
  return { invoke, on } as Api
}
