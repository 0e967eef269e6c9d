// Main's real handlers, through the real contract and dispatch, over a real (temporary) project.
import { afterAll, describe, expect, it } from 'vitest'
import { availableBackends } from '../../engine/backend/available.ts'
import { listBuiltins } from '../../engine/data/builtin/registry.ts'
import { contract } from '../../preload/contract.ts'
import { createDispatch } from '../../main/dispatch.ts'
import { createHandlers } from '../../main/handlers.ts'
import { tempProjects } from './temp-projects.ts'

const temp = tempProjects()
afterAll(() => temp.dispose())
const dispatch = createDispatch(contract, createHandlers({ version: '9.8.7', platform: 'linux', projects: temp.projects }))

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

  it('project.current is Untitled until the project has a file', async () => {
    expect(await dispatch('project.current', undefined)).toEqual({ ok: true, result: { name: 'Untitled', path: null } })
  })

  it('graph.save refuses a spec of another format, naming the field', async () => {
    const reply = await dispatch('graph.save', { spec: { format: 'receptive.graph/9', nodes: [], output: 'x' }, layout: {} })
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-argument')
      expect(reply.error.message).toContain('format')
    }
  })

  it('graph.save takes a graph that is still being built, and graph.get gives it back', async () => {
    const graph = { spec: { format: 'receptive.graph/1', nodes: [{ id: 'c', op: 'conv', inputs: ['gone'] }], output: '' }, layout: { c: { x: 4, y: 5 } } }
    expect(await dispatch('graph.save', graph)).toEqual({ ok: true, result: { changed: true } })
    expect(await dispatch('graph.save', graph)).toEqual({ ok: true, result: { changed: false } })
    const read = await dispatch('graph.get', undefined)
    expect(read).toMatchObject({ ok: true, result: graph })
    const project = (read as { result: { project: string } }).result.project
    expect(await dispatch('graph.save', { ...graph, project })).toEqual({ ok: true, result: { changed: false } })
    expect(await dispatch('graph.save', { ...graph, project: 'gone' })).toMatchObject({ ok: false, error: { code: 'failed' } })
  })

  it('project.save on an untitled project asks for Save As', async () => {
    const reply = await dispatch('project.save', undefined)
    expect(reply).toMatchObject({ ok: false, error: { code: 'failed' } })
    if (!reply.ok) expect(reply.error.message).toContain('Save As')
  })

  it('data.builtins lists every built-in dataset, as the contract carries it', async () => {
    const reply = await dispatch('data.builtins', undefined)
    expect(reply.ok).toBe(true)
    expect((reply as { result: unknown }).result).toEqual(listBuiltins())
  })
})
