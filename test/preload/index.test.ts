// The preload exposes exactly one object, window.receptive, with exactly invoke and on: no
// ipcRenderer, no Node (RELIABILITY A3, A20).
import { describe, expect, it, vi } from 'vitest'

const exposed: Record<string, unknown> = {}
const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() }
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
  ipcRenderer,
}))

describe('preload/index', () => {
  it('exposes only window.receptive = { invoke, on }', async () => {
    await import('../../preload/index.ts')
    expect(Object.keys(exposed)).toEqual(['receptive'])
    const api = exposed.receptive as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(api).not.toBe(ipcRenderer)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })
})
