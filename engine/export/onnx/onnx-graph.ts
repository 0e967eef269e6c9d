// The graph an exporter fills while it walks the model: nodes in execution order and their constants.
// Layer mappings call `op` and `constant`; values are named after the spec's node ids ("conv1"), with
// helper values as "conv1/patches", so the exported graph reads like the model in the editor.

import type { AttrValue, OnnxNode, OnnxTensor } from './onnx-proto.ts'
import type { NodeInfo } from '../../graph/infer.ts'
import type { NodeSpec } from '../../graph/spec.ts'
import type { WeightTensor } from '../prepare.ts'

export class OnnxGraph {
  readonly nodes: OnnxNode[] = []
  readonly initializers: OnnxTensor[] = []
  private readonly used = new Set<string>()

  private fresh(name: string): string {
    let out = name
    for (let k = 2; this.used.has(out); k++) out = `${name}_${k}`
    this.used.add(out)
    return out
  }

  /** adds a node; its output is `out` (a fresh variant when taken) and is returned */
  op(op: string, inputs: string[], out: string, attrs?: Record<string, AttrValue>): string {
    const name = this.fresh(out)
    this.nodes.push({ op, inputs, outputs: [name], name, attrs })
    return name
  }

  /** a float32 constant (weights, per-position kernels, one-hot patch kernels) */
  constant(name: string, dims: number[], data: Float32Array): string {
    const unique = this.fresh(name)
    this.initializers.push({ name: unique, dims, data })
    return unique
  }

  /** an int64 vector (a Reshape's target shape, a ReduceSum's axes) */
  int64s(name: string, values: number[]): string {
    const unique = this.fresh(name)
    this.initializers.push({ name: unique, dims: [values.length], data: BigInt64Array.from(values.map(BigInt)) })
    return unique
  }

  /** reserves a name used by the graph's input */
  reserve(name: string): string {
    return this.fresh(name)
  }
}

/** what a layer mapping gets: the node, the ONNX names of its inputs, its shapes and its weights */
export interface LayerInput<N extends NodeSpec = NodeSpec> {
  node: N
  inputs: string[]
  info: NodeInfo
  weight(name: string): WeightTensor
  graph: OnnxGraph
}

/** writes one node of the spec as ONNX nodes and returns the name of its output value */
export type LayerToOnnx<N extends NodeSpec = NodeSpec> = (layer: LayerInput<N>) => string
