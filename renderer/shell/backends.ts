// How the status bar names the compute backends: "CPU, WebGPU (SwiftShader driver 5.0.0)".
import type { BackendInfo } from '../../preload/contract.ts'

export function describeBackends(backends: BackendInfo[]): string {
  return backends.map((b) => (b.name === 'cpu' ? 'CPU' : `WebGPU (${b.adapter})`)).join(', ')
}
