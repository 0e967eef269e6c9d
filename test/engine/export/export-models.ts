// Models for the export tests: a spec built with seeded weights, its biases and batch-norm statistics
// set to seeded non-trivial values (fresh ones are 0 and 1, which would hide a mix-up), the weights as an
// export reads them, and the engine's own forward as the reference. Shared with the fixture generator.
import { buildModel, type Model } from '../../../engine/graph/build.ts'
import { noGrad } from '../../../engine/autograd.ts'
import type { Weights } from '../../../engine/export/prepare.ts'
import { uniformAt } from '../../../engine/random.ts'
import { Tensor } from '../../../engine/tensor.ts'

/** n seeded values in [lo, hi) */
export const seeded = (n: number, seed: number, lo = -1, hi = 1): Float32Array =>
  Float32Array.from({ length: n }, (_, i) => lo + (hi - lo) * uniformAt(seed, i))

const RANGES: Record<string, [number, number]> = {
  bias: [-0.5, 0.5], shift: [-0.5, 0.5], scale: [0.5, 1.5], runningMean: [-0.3, 0.3], runningVar: [0.5, 2],
}

export interface ExportCase { model: Model; weights: Weights }

export async function exportCase(spec: unknown, seed = 7): Promise<ExportCase> {
  const model = buildModel(spec, { seed })
  const all = new Map([...model.parameters(), ...model.buffers()])
  const changed = new Map<string, Float32Array>()
  let k = 0
  for (const [key, t] of all) {
    const range = RANGES[key.slice(key.lastIndexOf('.') + 1)]
    if (range) changed.set(key, seeded(t.size, seed * 1000 + k++, ...range))
  }
  model.loadParameters(changed)
  const weights: Weights = {}
  for (const [key, t] of all) weights[key] = { shape: [...t.shape], data: (await t.read()).slice() }
  return { model, weights }
}

/** the engine's inference output for a batch of n samples */
export async function engineForward(model: Model, data: Float32Array, n: number): Promise<Float32Array> {
  const y = noGrad(() => model.forward(Tensor.from(data, [n, ...model.inputShape])))
  return (await y.read()).slice()
}

export const sampleCount = (model: Model, n: number) => n * model.inputShape.reduce((a, b) => a * b, 1)

/** largest |a − b| */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`)
  let worst = 0
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) || (a[i] === b[i] ? 0 : Infinity))
  return worst
}
