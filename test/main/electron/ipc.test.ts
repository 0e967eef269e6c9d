// Electron IPC transport without Electron: main's registerIpc on one side, the preload's bridge on
// the other, joined by an in-memory ipcMain/ipcRenderer. Senders are checked before any work.
import { Subject } from 'rxjs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createBridge, type IpcLike } from '../../../preload/bridge.ts'
import { contract } from '../../../preload/contract.ts'
import type { Reply } from '../../../preload/rpc.ts'
import { createDispatch, type Dispatch } from '../../../main/dispatch.ts'
import type { EventMessage } from '../../../main/events.ts'
import { createHandlers } from '../../../main/handlers.ts'
import { forwardEvents, isTrustedSender, registerIpc, type IpcMainLike, type SenderFrame } from '../../../main/electron/ipc.ts'
import { APP_ENTRY, trustedOrigins } from '../../../main/electron/origins.ts'
import { tempProjects } from '../temp-projects.ts'

const origins = trustedOrigins()
type Listener = Parameters<IpcMainLike['handle']>[1]

function wire(dispatch: Dispatch, frame: SenderFrame | null) {
  const handlers = new Map<string, Listener>()
  registerIpc({ handle: (channel, listener) => void handlers.set(channel, listener) }, dispatch, origins)
  const ipcRenderer = {
    invoke: async (channel: string, arg: unknown) => {
      const h = handlers.get(channel)
      if (!h) throw new Error(`No handler registered for '${channel}'`)
      return h({ senderFrame: frame }, arg)
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  } as unknown as IpcLike
  return { handlers, api: createBridge(ipcRenderer) }
}

const temp = tempProjects()
afterAll(() => temp.dispose())
const realDispatch = createDispatch(contract, createHandlers({ version: '1.2.3', platform: 'linux', projects: temp.projects }))
const top: SenderFrame = { url: APP_ENTRY, parent: null }

describe('isTrustedSender', () => {
  it('accepts only the top frame of the app origin', () => {
    expect(isTrustedSender(top, origins)).toBe(true)
    expect(isTrustedSender(null, origins)).toBe(false)
    expect(isTrustedSender({ url: APP_ENTRY, parent: {} }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null }, origins)).toBe(false)
  })
})

describe('IPC transport', () => {
  it('registers a handler for every call of the contract and nothing else', () => {
    const { handlers } = wire(realDispatch, top)
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract.calls).sort())
  })

  it('carries a call from the preload to main and its result back', async () => {
    const { api } = wire(realDispatch, top)
    const info = await api.invoke('app.info')
    expect(info.version).toBe('1.2.3')
    expect(info.backends[0]).toEqual({ name: 'cpu' })
    expect(await api.invoke('project.current')).toEqual({ name: 'Untitled', path: null })
  })

  it('answers a malformed argument with a clear error', async () => {
    const { api } = wire(realDispatch, top)
    const bad = api.invoke as (call: string, arg: unknown) => Promise<unknown>
    await expect(bad('app.info', { evil: 1 })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/^app\.info: /) })
  })

  it.each([
    ['a subframe', { url: APP_ENTRY, parent: {} }],
    ['a foreign page', { url: 'https://example.com/', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s before doing any work', async (_name, frame) => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, result: null }) satisfies Reply)
    const { api } = wire(dispatch, frame)
    await expect(api.invoke('app.info')).rejects.toMatchObject({ code: 'forbidden' })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('forwards pushed events to every window', () => {
    const events$ = new Subject<EventMessage>()
    const a = { send: vi.fn() }
    const b = { send: vi.fn() }
    const sub = forwardEvents(events$, () => [a, b])
    events$.next({ event: 'run.progress', payload: { step: 1 } })
    expect(a.send).toHaveBeenCalledWith('run.progress', { step: 1 })
    expect(b.send).toHaveBeenCalledWith('run.progress', { step: 1 })
    sub.unsubscribe()
  })
})
