// The backend conformance suite: every case of cases.ts on the CPU (the reference, itself checked against
// PyTorch in test/engine/core) and on WebGPU through Dawn, forward values and gradients within 1e-4.
import { afterEach, describe, expect, it } from 'vitest'
import { setBackend } from '../../../engine/index.ts'
import { probeWebGpu } from './backends.ts'
import { cases, resetInputs, type Case } from './cases.ts'
import { TOLERANCE, worstError } from './compare.ts'

const gpu = await probeWebGpu()

async function runOn(backend: 'cpu' | 'webgpu', c: Case): Promise<Record<string, Float32Array | Int32Array>> {
  await setBackend(backend)
  resetInputs()
  const results = c()
  const names = Object.keys(results)
  const values = await Promise.all(names.map((k) => (results[k].dtype === 'i32' ? results[k].readInt() : results[k].read())))
  return Object.fromEntries(names.map((k, i) => [k, values[i]]))
}

afterEach(async () => { await setBackend('cpu') })

describe(`webgpu conformance (${gpu.why})`, () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async (ctx) => {
      if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
      const want = await runOn('cpu', c)
      const got = await runOn('webgpu', c)
      expect(Object.keys(got)).toEqual(Object.keys(want))
      for (const k of Object.keys(want)) {
        if (!k.startsWith('special')) expect(want[k].every((v) => Number.isFinite(v)), `${k}: CPU values are finite`).toBe(true)
        if (want[k] instanceof Int32Array) expect(Array.from(got[k]), k).toEqual(Array.from(want[k]))
        else {
          const { worst, at } = worstError(got[k], want[k])
          expect(worst, `${k}: element ${at} is ${got[k][at]}, the CPU's ${want[k][at]}`).toBeLessThanOrEqual(TOLERANCE)
        }
      }
    })
  }
})
