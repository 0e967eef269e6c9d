// Where the committed data fixtures are, scratch folders to assemble datasets (and damage copies of
// fixtures) in, reading a whole Dataset back as plain arrays, and comparing such arrays.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, onTestFinished } from 'vitest'
import type { Dataset } from '../../../engine/data/dataset.ts'

export const fixture = (...parts: string[]): string => resolve(import.meta.dirname, '../../fixtures/data', ...parts)

/** a fresh scratch folder, removed when the current test finishes (call inside a test) */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-data-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** every sample of a dataset as one array of numbers, and its labels */
export function readAll(ds: Dataset): { x: number[]; labels: number[] } {
  const size = ds.inputShape.reduce((a, b) => a * b, 1)
  const x = new Float32Array(ds.length * size)
  for (let i = 0; i < ds.length; i++) ds.read(i, x, i * size)
  return { x: [...x], labels: Array.from({ length: ds.length }, (_, i) => ds.label(i)) }
}

/** 0, 1, …, n - 1 */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

/** same length and every value equal to `digits` decimal places (toBeCloseTo) */
export function expectClose(got: number[], want: number[], digits: number): void {
  expect(got.length).toBe(want.length)
  got.forEach((g, k) => expect(g).toBeCloseTo(want[k], digits))
}
