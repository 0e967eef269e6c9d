// The preload's bridge refuses names outside the contract, unwraps replies, and never hands
// Electron's event object to a listener.
import { describe, expect, it, vi } from 'vitest'
import { createBridge, type IpcLike } from '../../preload/bridge.ts'
import { RpcError } from '../../preload/rpc.ts'

function fakeIpc(reply: unknown) {
  return { invoke: vi.fn(async () => reply), on: vi.fn(), removeListener: vi.fn() }
}

describe('createBridge', () => {
  it('refuses a call that is not in the contract without touching IPC', async () => {
    const ipc = fakeIpc({ ok: true, result: 1 })
    const api = createBridge(ipc as unknown as IpcLike)
    const invoke = api.invoke as (call: string) => Promise<unknown>
    await expect(invoke('fs.readFile')).rejects.toThrow('unknown call "fs.readFile"')
    await expect(invoke('__proto__')).rejects.toThrow(/unknown call/)
    expect(ipc.invoke).not.toHaveBeenCalled()
  })

  it('returns the result of an ok reply and throws an RpcError for an error reply', async () => {
    const ok = createBridge(fakeIpc({ ok: true, result: { name: 'x', path: null } }) as unknown as IpcLike)
    expect(await ok.invoke('project.current')).toEqual({ name: 'x', path: null })
    const failing = createBridge(fakeIpc({ ok: false, error: { code: 'failed', message: 'disk full' } }) as unknown as IpcLike)
    const err = await failing.invoke('project.current').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RpcError)
    expect(err).toMatchObject({ code: 'failed', message: 'disk full' })
  })

  it('sends the call name as the channel and the argument as is', async () => {
    const ipc = fakeIpc({ ok: true, result: null })
    await createBridge(ipc as unknown as IpcLike).invoke('app.info')
    expect(ipc.invoke).toHaveBeenCalledWith('app.info', undefined)
  })

  it('refuses to listen to an event that is not in the contract', () => {
    const ipc = fakeIpc(null)
    const on = createBridge(ipc as unknown as IpcLike).on as (event: string, l: () => void) => () => void
    expect(() => on('runs.anything', () => {})).toThrow('unknown event "runs.anything"')
    expect(ipc.on).not.toHaveBeenCalled()
  })
})
