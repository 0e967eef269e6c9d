// Which backend a new run gets, decided in main so the run records it (and its adapter) before any host
// starts. Asking for WebGPU where there is none is refused with the reason, rather than quietly training
// on the CPU. 'auto' stays on the CPU for now: the probe cannot tell a real GPU from SwiftShader (a
// software renderer, the only adapter on CI and headless machines), and 'auto' must never mean slower.

import { availableBackends, type Availability } from '../../../engine/backend/available.ts'
import type { Backend } from '../../store/index.ts'

export async function resolveBackend(
  wanted: Backend | 'auto',
  probe: () => Promise<Availability> = availableBackends,
): Promise<{ backend: Backend; adapter: string | null }> {
  if (wanted !== 'webgpu') return { backend: 'cpu', adapter: null }
  const { backends, webgpuMissing } = await probe()
  const gpu = backends.find(b => b.name === 'webgpu')
  if (gpu?.name === 'webgpu') return { backend: 'webgpu', adapter: gpu.adapter }
  throw new Error(`WebGPU is not available on this machine: ${webgpuMissing ?? 'no adapter'}`)
}
