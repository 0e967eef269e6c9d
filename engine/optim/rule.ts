// An update rule: how one optimizer turns a parameter's gradient into a step, on plain float arrays.
// Keeping the arithmetic free of tensors makes each rule a few lines that read like the paper (and like
// PyTorch's reference loops, which the tests compare against); optimizer.ts runs it as an in-place kernel.

import type { FloatArray } from '../backend/backend.ts'
import type { WgslUniform } from '../kernels/kernel.ts'

/** the same update for the WebGPU device: a body per element i over p, g and the slots (by name), and its per-step scalars as u.<name> */
export interface UpdateWgsl { body: string; uniforms(t: number, lr: number): Record<string, WgslUniform> }

/** a WGSL float literal of a JavaScript number */
export const wgslFloat = (v: number): string => `f32(${v})`

export interface UpdateRule {
  readonly kind: string
  /** the options it was made with, as JSON (stored with checkpoints) */
  readonly options: Record<string, unknown>
  /** names of the per-parameter state arrays, each the parameter's size, starting at zero */
  readonly slots: readonly string[]
  /** updates p in place; t counts steps from 1 */
  apply(p: FloatArray, g: FloatArray, slots: FloatArray[], t: number, lr: number): void
  readonly wgsl: UpdateWgsl
}
