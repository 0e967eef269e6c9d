// Which backend new tensors live on. 'auto' picks WebGPU when a GPU adapter exists, else the CPU, and says
// why (the adapter's name, or the reason there is none); a software adapter (SwiftShader, on CI and headless
// machines) is slower than the CPU, so 'auto' passes it over. One WebGPU device per process, made on first use.
import type { Backend } from './backend.ts'
import { cpuBackend } from './cpu/cpu-backend.ts'
import { createWebGpuBackend, type WebGpuBackend } from './webgpu/webgpu-backend.ts'

export type BackendChoice = 'cpu' | 'webgpu' | 'auto'

let current: Backend = cpuBackend
let reason = 'default'
let gpu: Promise<WebGpuBackend> | undefined

export const getBackend = (): Backend => current

/** why the current backend was picked (shown to the user next to its name) */
export const backendReason = (): string => reason

/** this process's WebGPU device; rejects with the reason there is none */
export function webgpuBackend(): Promise<WebGpuBackend> {
  gpu ??= createWebGpuBackend()
  // a failed attempt is not cached as a device, but its reason is the answer until the process restarts
  return gpu
}

export async function setBackend(choice: BackendChoice): Promise<Backend> {
  if (choice === 'cpu') {
    current = cpuBackend
    reason = 'asked for'
    return current
  }
  try {
    const device = await webgpuBackend()
    if (choice === 'auto' && device.software) {
      current = cpuBackend
      reason = `the only WebGPU adapter is a software renderer (${device.adapterName}), slower than the CPU`
      return current
    }
    current = device
    reason = `${choice === 'auto' ? 'WebGPU adapter found' : 'asked for'}: ${device.adapterName}`
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    if (choice === 'webgpu') throw new Error(`setBackend: WebGPU is not available: ${why}`)
    current = cpuBackend
    reason = `no WebGPU: ${why}`
  }
  return current
}
