// Test helpers for the spatial ops: seeded inputs, float64 finite-difference gradient checks and the
// PyTorch fixtures. A gradient check compares autograd's gradient of L = Σ f(inputs)·g (g fixed, random)
// with central differences of L, all in float64.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { noGrad } from '../../../engine/autograd.ts'
import { withFloat64 } from '../../../engine/precision.ts'
import { Tensor } from '../../../engine/tensor.ts'

/** deterministic values in [-1, 1) */
export function seeded(n: number, seed: number): number[] {
  let s = seed >>> 0 || 1
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 31 - 1
  })
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1)

export interface Input { shape: number[]; data?: number[] }

/** largest |autograd − finite difference| / max(1, |finite difference|) over every element of every input */
export function gradError(f: (...xs: Tensor[]) => Tensor, inputs: Input[], seed = 7, eps = 1e-6): Promise<number> {
  return withFloat64(async () => {
    const data = inputs.map((x, i) => x.data ?? seeded(sizeOf(x.shape), seed + 31 * i))
    const leaves = data.map((d, i) => Tensor.from(d, inputs[i].shape, { requiresGrad: true }))
    const y = f(...leaves)
    const g = seeded(y.size, seed + 1000)
    y.backward(Tensor.from(g, y.shape))
    const loss = async (values: number[][]) => {
      const out = await noGrad(() => f(...values.map((d, i) => Tensor.from(d, inputs[i].shape)))).readF64()
      return out.reduce((acc, v, j) => acc + v * g[j], 0)
    }
    let worst = 0
    for (let i = 0; i < leaves.length; i++) {
      const grad = await leaves[i].grad!.readF64()
      for (let j = 0; j < data[i].length; j++) {
        const plus = data.map((d) => d.slice()), minus = data.map((d) => d.slice())
        plus[i][j] += eps
        minus[i][j] -= eps
        const numeric = ((await loss(plus)) - (await loss(minus))) / (2 * eps)
        worst = Math.max(worst, Math.abs(grad[j] - numeric) / Math.max(1, Math.abs(numeric)))
      }
    }
    return worst
  })
}

export interface TorchCase {
  name: string
  kind: string
  opts: Record<string, unknown>
  y: number[]
  yShape: number[]
  g: number[]
  [key: string]: unknown
}

export const torchCases = (): TorchCase[] =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/torch/spatial.json'), 'utf8')).cases

/** largest |a − b| / max(1, |b|): relative, with an absolute floor for values near 0 */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} vs ${expected.length}`)
  let worst = 0
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])))
  return worst
}
