// The backends the conformance suite runs on besides the CPU (its reference): WebGPU through Dawn here.
// No adapter is a failure in CI (which has SwiftShader) and an announced skip elsewhere, never a pass.
import { webgpuBackend } from '../../../engine/backend/select.ts'

export interface GpuProbe { ok: boolean; why: string }

export async function probeWebGpu(): Promise<GpuProbe> {
  try {
    const device = await webgpuBackend()
    return { ok: true, why: device.adapterName }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    if (process.env.CI) throw new Error(`CI has SwiftShader, yet no WebGPU adapter: ${why}`)
    console.warn(`skipped: no adapter (${why})`)
    return { ok: false, why }
  }
}
