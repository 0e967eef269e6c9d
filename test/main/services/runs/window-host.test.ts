// The window spawner without Electron: an EventEmitter stands in for the hidden BrowserWindow and a Node
// MessageChannel for MessageChannelMain. The page side is the real engine code (portChannel + serveJob),
// so the test covers the path a WebGPU run takes under Electron: port handed over after load, messages
// queued until then, events relayed, and a crashed renderer or a closed window reported as the exit. A
// real training job runs in the "page" on the data main sends and matches a Node host's run event by event.

import { EventEmitter } from 'node:events'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { serveJob, type HostChannel } from '../../../../engine/host/host-session.ts'
import { openNodeData } from '../../../../engine/host/node-data.ts'
import { parseHostMessage, type HostMessage } from '../../../../engine/host/protocol.ts'
import { trainJobWith } from '../../../../engine/host/train-job.ts'
import { serveWindowJob } from '../../../../engine/host/window-job.ts'
import { PORT_MESSAGE, portChannel, type PortLike } from '../../../../engine/host/port-channel.ts'
import { describeExit } from '../../../../main/services/runs/engine-host.ts'
import { windowSpawner, type HostWindow, type MainPort } from '../../../../main/services/runs/window-host.ts'
import { mlpSpec } from './run-fixtures.ts'

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

  it('trains a job in the page on the data main sends, event for event as a Node host does', async () => {
    // augmented, so every epoch's training split is sent anew; a validation split goes with the first
    const dataset = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes', count: 200 },
      split: { validation: 0.2, seed: 3 }, augmentation: { translate: { max: 2 }, flip: { p: 0.5 } }, augmentationSeed: 5 }
    const job = { runId: 5, spec: mlpSpec, dataset, seed: 7, backend: 'cpu' as const, resume: null,
      hyper: { epochs: 3, batchSize: 32, optimizer: { kind: 'sgd' as const, lr: 0.05, momentum: 0.9 }, reportEvery: 2 } }
    const comparable = (m: HostMessage) => ({ ...m, ...('seconds' in m ? { seconds: 0 } : {}), ...('imagesPerSecond' in m ? { imagesPerSecond: 0 } : {}) })

    // the Node host, in-process: it loads the dataset itself
    const nodeEvents: HostMessage[] = []
    let toNode!: (raw: unknown) => void
    const nodeChannel: HostChannel<unknown> = { send: async (m) => void nodeEvents.push(m as HostMessage), onMessage: (l) => (toNode = l) }
    const nodeDone = serveJob(nodeChannel, trainJobWith(openNodeData))
    toNode({ v: 1, type: 'start', job })
    expect(await nodeDone).toBe(0)

    // the window host: main's end through the spawner, the page's end is window-job.ts
    const { win, host } = spawnOne()
    const pageEvents: HostMessage[] = []
    const ended = new Promise<void>((done) => host.onMessage((raw) => {
      const m = parseHostMessage(raw) // what the run manager would check; data messages never get here
      pageEvents.push(m)
      if (m.type === 'done' || m.type === 'failed') done()
    }))
    host.send({ v: 1, type: 'start', job })
    win.webContents.emit('did-finish-load')
    const pagePort = (win.webContents.posted[0][2][0] as ReturnType<typeof mainPort>).node
    expect(await serveWindowJob(pagePort as unknown as PortLike)).toBe(0)
    await ended
    pagePort.close()
    host.kill()

    expect(pageEvents.at(-1)?.type).toBe('done')
    expect(pageEvents.filter((m) => m.type === 'epoch')).toHaveLength(3)
    expect(pageEvents.map(comparable)).toEqual(nodeEvents.map(comparable))
  })

  it('a data request before any job is answered with an error, not passed on', async () => {
    const { win, host } = spawnOne()
    const heard: unknown[] = []
    host.onMessage((m) => heard.push(m))
    win.webContents.emit('did-finish-load')
    const pagePort = (win.webContents.posted[0][2][0] as ReturnType<typeof mainPort>).node
    const reply = new Promise((r) => pagePort.once('message', r))
    pagePort.postMessage({ type: 'data', epoch: 1 })
    expect(await reply).toEqual({ type: 'data', epoch: 1, error: 'no dataset to send: the job has not started' })
    expect(heard).toEqual([])
    pagePort.close()
    host.kill()
  })
})
