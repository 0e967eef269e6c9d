// The page half of the WebGPU conformance run in Chromium (webgpu.spec.ts bundles it): the same cases as
// test/engine/backend on the CPU and on navigator.gpu, compared in the page by the same rule; Node gets
// back only each case's worst error, or the error that stopped it.
import { backendReason, setBackend, type Tensor } from '../../engine/index.ts'
import { cases, resetInputs } from '../engine/backend/cases.ts'
import { worstError } from '../engine/backend/compare.ts'

export interface PageResult { name: string; worst: number; where: string; error?: string }

async function values(backend: 'cpu' | 'webgpu', name: string): Promise<Record<string, number[]>> {
  await setBackend(backend)
  resetInputs()
  const results: Record<string, Tensor> = cases[name]()
  const out: Record<string, number[]> = {}
  for (const [k, t] of Object.entries(results)) out[k] = Array.from(t.dtype === 'i32' ? await t.readInt() : await t.read())
  return out
}

async function runCase(name: string): Promise<PageResult> {
  try {
    const want = await values('cpu', name), got = await values('webgpu', name)
    let worst = 0, where = ''
    for (const k of Object.keys(want)) {
      const w = worstError(got[k] ?? [], want[k])
      if (!(w.worst <= worst)) { worst = w.worst; where = `${k}[${w.at}]: ${got[k]?.[w.at]} vs the CPU's ${want[k][w.at]}` }
    }
    return { name, worst, where }
  } catch (e) {
    return { name, worst: Infinity, where: '', error: e instanceof Error ? e.message : String(e) }
  }
}

const api = {
  names: (): string[] => Object.keys(cases),
  /** the adapter's name, or "no WebGPU: <reason>" */
  adapter: async (): Promise<string> => {
    try {
      await setBackend('webgpu')
      return backendReason()
    } catch (e) {
      return `no WebGPU: ${e instanceof Error ? e.message : String(e)}`
    }
  },
  run: async (names: string[]): Promise<PageResult[]> => {
    const out: PageResult[] = []
    for (const n of names) out.push(await runCase(n))
    return out
  },
}
Object.assign(globalThis, { conformance: api })
