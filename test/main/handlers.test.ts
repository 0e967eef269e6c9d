// Main's real handlers, through the real contract and dispatch.
import { describe, expect, it } from 'vitest'
import { availableBackends } from '../../engine/backend/available.ts'
import { contract } from '../../preload/contract.ts'
import { createDispatch } from '../../main/dispatch.ts'
import { createHandlers, projectInfo } from '../../main/handlers.ts'

const dispatch = createDispatch(contract, createHandlers({ version: '9.8.7', platform: 'linux', project: '/data/mnist-lenet.receptive' }))

describe('handlers', () => {
  it('app.info gives version, platform and the CPU first', async () => {
    const reply = await dispatch('app.info', undefined)
    expect(reply.ok).toBe(true)
    const info = (reply as { result: { version: string; platform: string; backends: { name: string }[] } }).result
    expect(info.version).toBe('9.8.7')
    expect(info.platform).toBe('linux')
    expect(info.backends[0]).toEqual({ name: 'cpu' })
  })

  it('lists WebGPU exactly when an adapter was found, and says why otherwise', async () => {
    const { backends, webgpuMissing } = await availableBackends()
    const webgpu = backends.find((b) => b.name === 'webgpu')
    expect(webgpu === undefined).toBe(typeof webgpuMissing === 'string')
    if (webgpu) expect(webgpu.adapter.length).toBeGreaterThan(0)
  })

  it('project.current names the project after its file', async () => {
    expect(await dispatch('project.current', undefined)).toEqual({ ok: true, result: { name: 'mnist-lenet', path: '/data/mnist-lenet.receptive' } })
    expect(projectInfo(null)).toEqual({ name: 'Untitled', path: null })
  })
})
