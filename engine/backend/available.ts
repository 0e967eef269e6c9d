// Which compute backends this process can use: the CPU always, WebGPU when an adapter exists
// (named, so the user sees which GPU). Probed once per process; the answer does not change.
import { requestAdapter } from './webgpu/adapter.ts'

/** a usable backend; WebGPU carries its adapter's name */
export type AvailableBackend = { name: 'cpu' } | { name: 'webgpu'; adapter: string }

/** the backends, why WebGPU is missing when it is, and whether its adapter is a software renderer (slower than the CPU) */
export interface Availability { backends: AvailableBackend[]; webgpuMissing: string | null; webgpuSoftware?: boolean }

let probe: Promise<Availability> | undefined

async function detect(): Promise<Availability> {
  const found = await requestAdapter()
  if (!found.adapter) return { backends: [{ name: 'cpu' }], webgpuMissing: found.reason }
  return { backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: found.name }], webgpuMissing: null, webgpuSoftware: found.software }
}

export function availableBackends(): Promise<Availability> {
  probe ??= detect()
  return probe
}
