// The backend a run is recorded with: WebGPU with its adapter's name when asked for and present, a
// refusal naming the reason when it is missing, and the CPU otherwise ('auto' included, see the module).

import { describe, expect, it } from 'vitest'
import type { Availability } from '../../../../engine/backend/available.ts'
import { resolveBackend } from '../../../../main/services/runs/resolve-backend.ts'

const withGpu: Availability = { backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: 'SwiftShader' }], webgpuMissing: null }
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

  it('gives the CPU for cpu and auto, without probing', async () => {
    expect(await resolveBackend('cpu', never)).toEqual({ backend: 'cpu', adapter: null })
    expect(await resolveBackend('auto', never)).toEqual({ backend: 'cpu', adapter: null })
  })
})
