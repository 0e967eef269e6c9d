// The WebGPU device itself (Dawn in Node): buffers are pooled and reused with bounded idle memory, values
// round-trip, a kernel without WGSL and a lost device fail with a clear error instead of hanging, and
// setBackend('auto') names the adapter it picked.
import { describe, expect, it } from 'vitest'
import { backendReason, getBackend, setBackend, webgpuBackend } from '../../../engine/backend/select.ts'
import { createWebGpuBackend } from '../../../engine/backend/webgpu/webgpu-backend.ts'
import { defineKernel } from '../../../engine/kernels/kernel.ts'
import { unary } from '../../../engine/kernels/elementwise.ts'
import { probeWebGpu } from './backends.ts'

const gpu = await probeWebGpu()
const MB = 1024 * 1024

describe(`webgpu device (${gpu.why})`, () => {
  it('round-trips float and int values, including empty buffers', async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const b = await createWebGpuBackend()
    const f = b.alloc(5), i = b.alloc(3, 'i32'), e = b.alloc(0)
    b.write(f, [1.5, -2, 3e-8, 1e30, 0])
    b.write(i, [7, -1, 2 ** 31 - 1])
    expect(Array.from(await b.read(f))).toEqual(Array.from(Float32Array.of(1.5, -2, 3e-8, 1e30, 0)))
    expect(Array.from(await b.read(i))).toEqual([7, -1, 2 ** 31 - 1])
    expect((await b.read(e)).length).toBe(0)
    b.destroy()
  })

  it('reuses freed buffers and keeps idle memory under its limit', async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const b = await createWebGpuBackend({ idleLimitBytes: 3 * MB })
    const first = [b.alloc(MB / 4), b.alloc(MB / 4)]
    expect(b.memory()).toMatchObject({ liveBytes: 2 * MB, idleBytes: 0, peakBytes: 2 * MB })
    first.forEach((x) => b.free(x))
    expect(b.memory()).toMatchObject({ liveBytes: 0, idleBytes: 2 * MB })
    const again = b.alloc(MB / 4)
    expect(b.memory()).toMatchObject({ liveBytes: MB, idleBytes: MB, peakBytes: 2 * MB })
    // four more megabytes freed: only what fits under the 3 MB limit stays idle
    const more = [1, 2, 3, 4].map(() => b.alloc(MB / 4))
    more.forEach((x) => b.free(x))
    b.free(again)
    expect(b.memory().idleBytes).toBeLessThanOrEqual(3 * MB)
    expect(b.memory().liveBytes).toBe(0)
    b.free(again) // freeing twice is harmless
    expect(b.memory().liveBytes).toBe(0)
    // a size the pool does not hold, past the limit: the idle buffers go first
    const big = b.alloc(MB / 2)
    expect(b.memory()).toMatchObject({ liveBytes: 2 * MB, idleBytes: 0 })
    b.free(big)
    b.trim()
    expect(b.memory()).toMatchObject({ liveBytes: 0, idleBytes: 0 })
    b.destroy()
  })

  it('a reused buffer is written only after the work recorded before it', async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const b = await createWebGpuBackend()
    const x = b.alloc(64 * 1024), y = b.alloc(64 * 1024)
    b.write(x, new Float32Array(64 * 1024).fill(2))
    b.run(unary, [x], [y], { op: 'mulScalar', a: 3 })
    b.free(x)
    const z = b.alloc(64 * 1024) // the pool hands back x's memory
    b.write(z, new Float32Array(64 * 1024).fill(-1))
    expect((await b.read(y)).every((v) => v === 6)).toBe(true)
    b.destroy()
  })

  it('a kernel without WGSL, or writing what it reads, is refused by name', async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const b = await createWebGpuBackend()
    const x = b.alloc(4)
    const cpuOnly = defineKernel({ name: 'cpu-only', cpu: () => {} })
    expect(() => b.run(cpuOnly, [x], [b.alloc(4)], {})).toThrow('kernel cpu-only has no WGSL body')
    expect(() => b.run(unary, [x], [x], { op: 'neg' })).toThrow('unary writes a buffer it also reads')
    b.destroy()
  })

  it('a lost device fails the read in flight and every later call with the reason', async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const b = await createWebGpuBackend()
    const x = b.alloc(1024)
    b.write(x, new Float32Array(1024).fill(1))
    const inFlight = b.read(x)
    b.destroy()
    await expect(inFlight).rejects.toThrow(/destroyed|lost/)
    expect(() => b.alloc(4)).toThrow(/destroyed|lost/)
    await expect(b.read(x)).rejects.toThrow(/destroyed|lost/)
  })

  it("setBackend('auto') picks a GPU adapter, names it, and passes over a software one", async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const device = await webgpuBackend()
    if (/swiftshader/i.test(device.adapterName)) expect(device.software, 'SwiftShader is a software renderer').toBe(true)
    await setBackend('auto')
    if (device.software) {
      expect(getBackend().name).toBe('cpu')
      expect(backendReason()).toBe(`the only WebGPU adapter is a software renderer (${gpu.why}), slower than the CPU`)
    } else {
      expect(getBackend().name).toBe('webgpu')
      expect(backendReason()).toBe(`WebGPU adapter found: ${gpu.why}`)
    }
    await setBackend('webgpu')
    expect(getBackend()).toBe(device)
    expect(backendReason()).toBe(`asked for: ${gpu.why}`)
    await setBackend('cpu')
    expect(getBackend().name).toBe('cpu')
  })
})
