// Which compute backends this process can use: the CPU always, WebGPU when an adapter exists
// (named, so the user sees which GPU). Probed once per process; the answer does not change.
import { requestAdapter } from './webgpu/adapter.ts'

/** a usable backend; WebGPU carries its adapter's name */
export type AvailableBackend = { name: 'cpu' } | { name: 'webgpu'; adapter: string }

/** the backends, and why WebGPU is missing when it is */
export interface Availability { backends: AvailableBackend[]; webgpuMissing: string | null }

let probe: Promise<Availability> | undefined

async function detect(): Promise<Availability> {
  const found = await requestAdapter()
  if (!found.adapter) return { backends: [{ name: 'cpu' }], webgpuMissing: found.reason }
  return { backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: found.name }], webgpuMissing: null }
}

export function availableBackends(): Promise<Availability> {
  probe ??= detect()
  return probe
}
