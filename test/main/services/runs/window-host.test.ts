// The window spawner without Electron: an EventEmitter stands in for the hidden BrowserWindow and a Node
// MessageChannel for MessageChannelMain. The page side is the real engine code (portChannel + serveJob),
// so the test covers the path a WebGPU run takes under Electron: port handed over after load, messages
// queued until then, events relayed, and a crashed renderer or a closed window reported as the exit.

import { EventEmitter } from 'node:events'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { serveJob } from '../../../../engine/host/host-session.ts'
import { PORT_MESSAGE, portChannel, type PortLike } from '../../../../engine/host/port-channel.ts'
import { describeExit } from '../../../../main/services/runs/engine-host.ts'
import { windowSpawner, type HostWindow, type MainPort } from '../../../../main/services/runs/window-host.ts'

class FakeContents extends EventEmitter {
  readonly posted: [string, unknown, MainPort[]][] = []
  postMessage(channel: string, message: unknown, transfer: MainPort[]) { this.posted.push([channel, message, transfer]) }
  getOSProcessId() { return 777 }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents()
  destroyed = false
  destroy() { this.destroyed = true; this.emit('closed') }
  isDestroyed() { return this.destroyed }
}

/** a Node port as Electron's MessagePortMain (whose 'message' listeners get { data }) */
const mainPort = (p: MessagePort): MainPort & { node: MessagePort } => ({
  node: p,
  postMessage: (m) => p.postMessage(m),
  on: (_event, listener) => void p.on('message', (data) => listener({ data })),
  start: () => p.start(),
  close: () => p.close(),
})

function spawnOne() {
  let win!: FakeWindow
  const opened: number[] = []
  const spawn = windowSpawner((runId) => {
    opened.push(runId)
    win = new FakeWindow()
    return win as unknown as HostWindow
  }, () => {
    const { port1, port2 } = new MessageChannel()
    return { port1: mainPort(port1), port2: mainPort(port2) }
  })
  const host = spawn(5)
  return { host, win, opened }
}

const nextMessage = (host: ReturnType<typeof spawnOne>['host']) => new Promise<unknown>((r) => host.onMessage(r))

describe('windowSpawner', () => {
  it('opens a window per run and hands the page its port once loaded', () => {
    const { win, opened, host } = spawnOne()
    expect(opened).toEqual([5])
    expect(win.webContents.posted).toEqual([])
    win.webContents.emit('did-finish-load')
    expect(win.webContents.posted.map(([c, m, t]) => [c, m, t.length])).toEqual([[PORT_MESSAGE, null, 1]])
    expect(host.pid).toBe(777)
    host.kill()
  })

  it('runs the engine host session in the page: queued messages arrive, events come back', async () => {
    const { win, host } = spawnOne()
    host.send({ v: 1, type: 'stop' }) // sent before the page has loaded: waits for the port
    win.webContents.emit('did-finish-load')
    const pagePort = (win.webContents.posted[0][2][0] as ReturnType<typeof mainPort>).node
    const reply = nextMessage(host)
    const code = serveJob(portChannel(pagePort as unknown as PortLike), async () => ({ outcome: 'done', step: 0, epoch: 0 }))
    // a stop before any job ends the session at once, as in the Node host
    expect(await reply).toMatchObject({ v: 1, type: 'stopped', step: 0, epoch: 0 })
    expect(await code).toBe(0)
    pagePort.close()
    host.kill()
  })

  it('a crashed renderer is the exit, with its reason and the errors the page logged', () => {
    const { win, host } = spawnOne()
    const exits: string[] = []
    win.webContents.emit('did-finish-load')
    win.webContents.emit('console-message', { level: 'error', message: 'WebGPU device lost (unknown): GPU process crashed' })
    win.webContents.emit('console-message', { level: 'info', message: 'step 10' })
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    host.onExit((e) => exits.push(describeExit(e)))
    expect(exits).toEqual([
      "The engine host exited with code 139 before the run ended; its last output:\nWebGPU device lost (unknown): GPU process crashed\nthe host window's renderer is gone: crashed",
    ])
    host.send({ v: 1, type: 'pause' }) // after the end: dropped, not thrown
  })

  it('kill destroys the window once and reports one exit', () => {
    const { win, host } = spawnOne()
    const exits: unknown[] = []
    host.onExit((e) => exits.push(e))
    host.kill()
    host.kill()
    expect(win.destroyed).toBe(true)
    expect(exits).toEqual([{ code: null, signal: 'SIGKILL', stderr: [] }])
    expect(host.pid).toBeUndefined()
  })
})
