// Which backend a new run gets, decided in main so the run records it (and its adapter) before any host
// starts. Asking for WebGPU where there is none is refused with the reason, rather than quietly training
// on the CPU. 'auto' takes WebGPU only on a real GPU: a software renderer (SwiftShader, the only adapter on
// CI and headless machines) is slower than the CPU, and 'auto' must never mean slower.

import { availableBackends, type Availability } from '../../../engine/backend/available.ts'
import type { Backend } from '../../store/index.ts'

export async function resolveBackend(
  wanted: Backend | 'auto',
  probe: () => Promise<Availability> = availableBackends,
): Promise<{ backend: Backend; adapter: string | null }> {
  if (wanted === 'cpu') return { backend: 'cpu', adapter: null }
  const { backends, webgpuMissing, webgpuSoftware } = await probe()
  const gpu = backends.find(b => b.name === 'webgpu')
  if (gpu?.name === 'webgpu' && (wanted === 'webgpu' || !webgpuSoftware)) return { backend: 'webgpu', adapter: gpu.adapter }
  if (wanted === 'auto') return { backend: 'cpu', adapter: null }
  throw new Error(`WebGPU is not available on this machine: ${webgpuMissing ?? 'no adapter'}`)
}
