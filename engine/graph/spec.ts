// The model spec "receptive.graph/1": the JSON a project stores, the editor draws and the engine builds.
// Shapes are channels-first without the batch axis; the spatial rank (1, 2 or 3) follows from the input shape.
// Optional fields take the defaults written next to them. Types only: no backend, no tensors.

import type { Padding } from './padding.ts'

export type { Padding }

/** the one format version this reader understands */
export const FORMAT = 'receptive.graph/1'

export interface ModelSpec {
  format: typeof FORMAT
  nodes: NodeSpec[]
  /** id of the node whose output is the model's output (the logits) */
  output: string
}

interface Base { id: string; inputs?: string[] }
interface Strided { stride?: number[]; padding?: Padding }

/** the model's one input; shape = [channels, ...spatial] or [features] */
export interface InputNode extends Base { op: 'input'; shape: number[] }

/** convolution. defaults: stride 1, padding 'valid', dilation 1, flip false (cross-correlation), bias true */
export interface ConvNode extends Base, Strided {
  op: 'conv'; filters: number; kernel: number[]; dilation?: number[]; flip?: boolean; bias?: boolean
}
/** unshared (locally connected) convolution, 1D or 2D: one kernel per output position. defaults as conv */
export interface LocalNode extends Base, Strided { op: 'local'; filters: number; kernel: number[]; bias?: boolean }
/** tiled convolution, 2D: output position (i, j) uses kernel set (i mod tiles, j mod tiles). defaults as conv */
export interface TiledNode extends Base, Strided {
  op: 'tiled'; filters: number; kernel: number[]; tiles: number; bias?: boolean
}

/** spatial pooling. defaults: stride = window, padding 'valid' */
export interface PoolNode extends Base, Strided { op: 'maxpool' | 'avgpool'; window: number[] }
/** power-average pooling (Σ x^p)^(1/p). default p = 2 */
export interface LpPoolNode extends Base, Strided { op: 'lppool'; window: number[]; p?: number }
/** pools every channel over all its positions: [C, ...spatial] → [C] */
export interface GlobalPoolNode extends Base { op: 'globalavgpool' | 'globalmaxpool' }
/** pooling over channels (maxout): output channel g pools channels g·k … g·k+k−1. default mode 'max' */
export interface ChannelPoolNode extends Base { op: 'channelpool'; groupSize: number; mode?: 'max' | 'avg' }

/** fully connected on a flat input [D] → [units]. default bias true */
export interface DenseNode extends Base { op: 'dense'; units: number; bias?: boolean }
export interface FlattenNode extends Base { op: 'flatten' }
export interface ActivationNode extends Base { op: 'relu' | 'sigmoid' | 'tanh' }
/** default slope 0.01 */
export interface LeakyReluNode extends Base { op: 'leakyrelu'; slope?: number }
/** softmax over the channel axis */
export interface SoftmaxNode extends Base { op: 'softmax' }
/** drops each value with probability rate while training. default rate 0.5 */
export interface DropoutNode extends Base { op: 'dropout'; rate?: number }
/** normalises each channel over batch and positions. defaults eps 1e-5, momentum 0.1 (running-statistics update) */
export interface BatchNormNode extends Base { op: 'batchnorm'; eps?: number; momentum?: number }
/** elementwise sum of two or more inputs of the same shape */
export interface AddNode extends Base { op: 'add' }
/** joins two or more inputs along the channel axis; spatial sizes must agree */
export interface ConcatNode extends Base { op: 'concat' }

export type NodeSpec =
  | InputNode | ConvNode | LocalNode | TiledNode | PoolNode | LpPoolNode | GlobalPoolNode | ChannelPoolNode
  | DenseNode | FlattenNode | ActivationNode | LeakyReluNode | SoftmaxNode | DropoutNode | BatchNormNode
  | AddNode | ConcatNode

export type OpName = NodeSpec['op']

/** a problem found in a spec; node is absent for problems of the whole graph */
export interface GraphIssue { node?: string; op?: string; field?: string; message: string }

/** thrown where a valid spec is required (buildModel, export); carries every issue found */
export class GraphError extends Error {
  constructor(readonly issues: GraphIssue[]) {
    super(issues.map(describeIssue).join('\n'))
    this.name = 'GraphError'
  }
}

/** "c1 (conv): kernel 5×5 is larger than …" */
export const describeIssue = (i: GraphIssue): string =>
  `${i.node ? `${i.node}${i.op ? ` (${i.op})` : ''}: ` : ''}${i.field ? `${i.field} ` : ''}${i.message}`
