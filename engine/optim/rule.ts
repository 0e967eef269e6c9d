// An update rule: how one optimizer turns a parameter's gradient into a step, on plain float32 arrays.
// Keeping the arithmetic free of tensors makes each rule a few lines that read like the paper (and like
// PyTorch's reference loops, which the tests compare against); optimizer.ts moves values in and out.

export interface UpdateRule {
  readonly kind: string
  /** the options it was made with, as JSON (stored with checkpoints) */
  readonly options: Record<string, unknown>
  /** names of the per-parameter state arrays, each the parameter's size, starting at zero */
  readonly slots: readonly string[]
  /** updates p in place; t counts steps from 1 */
  apply(p: Float32Array, g: Float32Array, slots: Float32Array[], t: number, lr: number): void
}
