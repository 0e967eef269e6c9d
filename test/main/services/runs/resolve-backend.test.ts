// The backend a run is recorded with: WebGPU with its adapter's name when asked for and present, a
// refusal naming the reason when it is missing, the CPU when asked for; 'auto' takes WebGPU only on a real
// GPU (a software adapter is slower than the CPU) and the CPU otherwise.

import { describe, expect, it } from 'vitest'
import type { Availability } from '../../../../engine/backend/available.ts'
import { resolveBackend } from '../../../../main/services/runs/resolve-backend.ts'

const withGpu: Availability = { backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: 'SwiftShader' }], webgpuMissing: null, webgpuSoftware: true }
const realGpu: Availability = { backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: 'NVIDIA H100' }], webgpuMissing: null, webgpuSoftware: false }
const cpuOnly: Availability = { backends: [{ name: 'cpu' }], webgpuMissing: 'no Vulkan loader (libvulkan.so.1)' }
const machine = (a: Availability) => async () => a
const never = () => Promise.reject(new Error('probed'))

describe('resolveBackend', () => {
  it('gives WebGPU with its adapter when asked for and present', async () => {
    expect(await resolveBackend('webgpu', machine(withGpu))).toEqual({ backend: 'webgpu', adapter: 'SwiftShader' })
  })

  it('refuses WebGPU with the reason where there is none', async () => {
    await expect(resolveBackend('webgpu', machine(cpuOnly))).rejects.toThrow('WebGPU is not available on this machine: no Vulkan loader (libvulkan.so.1)')
  })

  it('gives the CPU for cpu, without probing', async () => {
    expect(await resolveBackend('cpu', never)).toEqual({ backend: 'cpu', adapter: null })
  })

  it('auto: WebGPU on a real GPU, the CPU on a software adapter or none', async () => {
    expect(await resolveBackend('auto', machine(realGpu))).toEqual({ backend: 'webgpu', adapter: 'NVIDIA H100' })
    expect(await resolveBackend('auto', machine(withGpu))).toEqual({ backend: 'cpu', adapter: null })
    expect(await resolveBackend('auto', machine(cpuOnly))).toEqual({ backend: 'cpu', adapter: null })
  })
})
