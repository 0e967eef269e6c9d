// Test helpers for the spatial ops: the PyTorch golden cases, a relative comparison, and a wrapper over the
// shared float64 gradient check that fails with the worst element named.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect } from 'vitest'
import type { Tensor } from '../../../engine/tensor.ts'
import { gradcheck, randomValues, type CheckInput } from '../gradcheck.ts'

/** seeded values in [-1, 1) */
export const seeded = (n: number, seed: number): number[] => randomValues(n, seed)

/** autograd agrees with central differences (float64) on every element of every input */
export async function expectGradients(fn: (...xs: Tensor[]) => Tensor, inputs: (number[] | CheckInput)[]): Promise<void> {
  const { maxError, worst } = await gradcheck(fn, inputs)
  expect(maxError, worst).toBeLessThan(1e-6)
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
