// Feature maps of one input: every node's output with its shape and value range, copied off the device.
// The view draws them channel by channel; a flat output (dense, flatten) is one row of values.

import { noGrad } from '../autograd.ts'
import type { Model } from '../graph/build.ts'
import { size } from '../graph/op-def.ts'
import { Tensor } from '../tensor.ts'
import { forwardTrace } from './forward-trace.ts'

export interface FeatureMap {
  node: string
  op: string
  /** one sample's output shape, channels first */
  shape: number[]
  min: number
  max: number
  values: Float32Array
}

function range(values: Float32Array): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  return values.length ? { min, max } : { min: 0, max: 0 }
}

/** runs one sample (its values in the model's input layout) and returns every node's output, input first */
export async function featureMaps(model: Model, sample: ArrayLike<number>): Promise<FeatureMap[]> {
  const expected = size(model.inputShape)
  if (sample.length !== expected) {
    throw new Error(`the model takes ${model.inputShape.join('×')} inputs (${expected} values), got ${sample.length} values`)
  }
  const x = Tensor.from(sample, [1, ...model.inputShape])
  const traced = noGrad(() => forwardTrace(model, x))
  const ops = new Map(model.spec.nodes.map((n) => [n.id, n.op as string]))
  const out: FeatureMap[] = []
  for (const [node, t] of traced) {
    const values = (await t.read()).slice() // a copy: device memory may be shared or pooled
    out.push({ node, op: ops.get(node)!, shape: t.shape.slice(1), ...range(values), values })
  }
  const weights = new Set([...model.parameters().values(), ...model.buffers().values()].map((t) => t.buffer))
  const spent = new Set([...traced.values()].map((t) => t.buffer).filter((b) => !weights.has(b)))
  for (const t of traced.values()) {
    if (spent.delete(t.buffer)) t.dispose() // views share a buffer: free each once
  }
  return out
}
