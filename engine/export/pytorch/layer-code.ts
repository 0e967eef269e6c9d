// What one node of the spec becomes in model.py: the module it owns (a line of Model.__init__), the
// expression of its output in forward(), which of the module's tensors each of its weights loads into,
// and the helpers it needs. The mapping for each layer family lives in its own file.

import type { NodeInfo } from '../../graph/infer.ts'
import type { NodeSpec } from '../../graph/spec.ts'
import type { Helper } from './helpers.ts'

export interface LayerInput<N extends NodeSpec = NodeSpec> {
  node: N
  info: NodeInfo
  /** the node's Python name: its module is self.<name>, its output the local <name> */
  name: string
  /** the Python names of its inputs' outputs */
  inputs: string[]
}

export interface PyLayer {
  /** constructor of self.<name>, when the layer owns a module */
  module?: string
  /** the output, computed from the inputs (and self.<name>) */
  expr: string
  /** the spec's parameter name → the module's state_dict entry below self.<name> */
  params?: Record<string, string>
  /** the weight is a true-convolution kernel, stored unflipped: load() mirrors it */
  flip?: boolean
  helpers?: Helper[]
}

export type LayerToPy<N extends NodeSpec = NodeSpec> = (layer: LayerInput<N>) => PyLayer

/** nn.Conv1d / nn.Conv2d / nn.Conv3d and their kin by spatial rank */
export const byRank = (family: string, rank: number): string => `nn.${family}${rank}d`

/** the usual state_dict names of a layer with a weight and an optional bias */
export const weightAndBias = (bias: boolean | undefined): Record<string, string> =>
  bias === false ? { weight: 'weight' } : { weight: 'weight', bias: 'bias' }
