// What a runnable layer is: the forward of one op of the spec, written with differentiable ops. Its
// parameter shapes and initialisation come from the op table (engine/graph), so a layer file holds only
// the computation; buildModel creates the parameters and walks the graph.

import type { NodeSpec } from '../graph/spec.ts'
import type { Tensor } from '../tensor.ts'

export interface LayerContext {
  training: boolean
  /** seed for this node in this forward pass (dropout masks) */
  seed: number
}

/** a node's forward: its input tensors and its parameters (by the op table's names) to its output */
export type Forward<N extends NodeSpec = NodeSpec> =
  (node: N, inputs: Tensor[], params: Record<string, Tensor>, ctx: LayerContext) => Tensor
