// Engine hosts as hidden, sandboxed Electron windows: where WebGPU runs go under Electron (ARCHITECTURE.md,
// "Where WebGPU runs"). Services never import Electron, so main/index.ts hands in how to open the window
// (BrowserWindow with show: false, sandbox, contextIsolation, the port-forwarding preload, loading
// engine/host/window-host.html) and MessageChannelMain; this file needs only the members described here.
// Main keeps one end of the channel and posts the other to the page once it has loaded; messages sent
// before then wait. The page has no file system: its data requests are answered here (window-data.ts) and
// never reach the run manager. A crashed renderer or a closed window is the host's exit.

import { PORT_MESSAGE } from '../../../engine/host/port-channel.ts'
import { isDataMessage, type DataRequest } from '../../../engine/host/train-data.ts'
import { HostEnd, LineTail, type HostExit, type SpawnHost } from './engine-host.ts'
import { serveDataset, type DataServer } from './window-data.ts'

/** the part of Electron's MessagePortMain a host uses */
export interface MainPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  start(): void
  close(): void
}

/** the part of Electron's BrowserWindow a host uses (`P`: the port type its webContents transfers) */
export interface HostWindow<P extends MainPort = MainPort> {
  readonly webContents: {
    postMessage(channel: string, message: unknown, transfer: P[]): void
    getOSProcessId(): number
    once(event: 'did-finish-load', listener: () => void): void
    on(event: 'render-process-gone', listener: (e: unknown, details: { reason: string; exitCode: number }) => void): void
    on(event: 'console-message', listener: (e: { level: string; message: string }) => void): void
  }
  once(event: 'closed', listener: () => void): void
  destroy(): void
  isDestroyed(): boolean
}

/** opens the hidden host window for a run (loading has begun) */
export type OpenHostWindow<P extends MainPort = MainPort> = (runId: number) => HostWindow<P>
/** Electron's `new MessageChannelMain()` */
export type MakeChannel<P extends MainPort = MainPort> = () => { port1: P; port2: P }

/** `serveData`: answers a run's data requests, given its dataset spec (engine/data in main by default) */
export function windowSpawner<P extends MainPort>(open: OpenHostWindow<P>, makeChannel: MakeChannel<P>, serveData: (dataset: unknown) => DataServer = serveDataset): SpawnHost {
  return (runId) => {
    const win = open(runId)
    const { port1, port2 } = makeChannel()
    const tail = new LineTail()
    let queue: unknown[] | null = []
    const ending = new HostEnd()
    const listeners: ((raw: unknown) => void)[] = []
    let data: DataServer | null = null
    port1.on('message', (e) => {
      if (!isDataMessage(e.data)) return void listeners.forEach(fn => fn(e.data))
      const { epoch } = e.data as DataRequest
      if (!data || !Number.isSafeInteger(epoch)) return void port1.postMessage({ type: 'data', epoch, error: 'no dataset to send: the job has not started' })
      void data({ type: 'data', epoch }).then(reply => ending.ended || port1.postMessage(reply))
    })
    const end = (exit: HostExit) => {
      if (ending.ended) return
      const stderr = tail.get()
      queue = null
      port1.close()
      ending.end({ ...exit, stderr })
    }
    win.webContents.on('console-message', (e) => { if (e.level === 'error' || e.level === 'warning') tail.push(`${e.message}\n`) })
    win.webContents.once('did-finish-load', () => {
      win.webContents.postMessage(PORT_MESSAGE, null, [port2])
      port1.start()
      for (const msg of queue ?? []) port1.postMessage(msg)
      queue = null
    })
    win.webContents.on('render-process-gone', (_e, d) => {
      tail.push(`the host window's renderer is gone: ${d.reason}\n`)
      end({ code: d.exitCode, signal: null, stderr: [] })
    })
    win.once('closed', () => end({ code: 0, signal: null, stderr: [] }))
    return {
      get pid() { return win.isDestroyed() ? undefined : win.webContents.getOSProcessId() },
      send(msg) {
        if (ending.ended) return
        if (msg.type === 'start') data = serveData(msg.job.dataset)
        if (queue) queue.push(msg)
        else port1.postMessage(msg)
      },
      onMessage: (listener) => void listeners.push(listener),
      onExit: (listener) => ending.onExit(listener),
      kill() {
        end({ code: null, signal: 'SIGKILL', stderr: [] })
        if (!win.isDestroyed()) win.destroy()
      },
    }
  }
}
