// Which backend new tensors live on. 'auto' picks the best available device and says why;
// until the WebGPU backend exists that is always the CPU.
import type { Backend } from './backend.ts'
import { cpuBackend } from './cpu/cpu-backend.ts'

export type BackendChoice = 'cpu' | 'webgpu' | 'auto'

let current: Backend = cpuBackend
let reason = 'default'

export const getBackend = (): Backend => current

/** why the current backend was picked (shown to the user next to its name) */
export const backendReason = (): string => reason

export async function setBackend(choice: BackendChoice): Promise<Backend> {
  if (choice === 'webgpu') throw new Error('setBackend: the WebGPU backend is not built yet')
  current = cpuBackend
  reason = choice === 'auto' ? 'WebGPU backend not built yet' : 'asked for'
  return current
}
