// Everything that does not slide a window, as ONNX: dense as Gemm with transB=1 (the weight is
// [units, inputs]), Flatten, the activations, Softmax over the channel axis, BatchNormalization in its
// inference form (running statistics), Add and Concat on the channel axis. Dropout is the identity at
// inference, so it writes nothing and passes its input on.

import type {
  ActivationNode, AddNode, BatchNormNode, ConcatNode, DenseNode, DropoutNode, FlattenNode, LeakyReluNode, SoftmaxNode,
} from '../../graph/spec.ts'
import type { LayerToOnnx } from './onnx-graph.ts'

export const dense: LayerToOnnx<DenseNode> = ({ node, inputs, weight, graph }) => {
  const w = weight('weight')
  const args = [inputs[0], graph.constant(`${node.id}.weight`, w.shape, w.data)]
  if (node.bias !== false) args.push(graph.constant(`${node.id}.bias`, [node.units], weight('bias').data))
  return graph.op('Gemm', args, node.id, { transB: 1 })
}

export const flatten: LayerToOnnx<FlattenNode> = ({ node, inputs, graph }) => graph.op('Flatten', inputs, node.id, { axis: 1 })

const pointwise = (op: string): LayerToOnnx<ActivationNode> => ({ node, inputs, graph }) => graph.op(op, inputs, node.id)
export const relu = pointwise('Relu')
export const sigmoid = pointwise('Sigmoid')
export const tanh = pointwise('Tanh')

export const leakyrelu: LayerToOnnx<LeakyReluNode> = ({ node, inputs, graph }) =>
  graph.op('LeakyRelu', inputs, node.id, { alpha: { float: node.slope ?? 0.01 } })

export const softmax: LayerToOnnx<SoftmaxNode> = ({ node, inputs, graph }) => graph.op('Softmax', inputs, node.id, { axis: 1 })

export const dropout: LayerToOnnx<DropoutNode> = ({ inputs }) => inputs[0]

export const batchnorm: LayerToOnnx<BatchNormNode> = ({ node, inputs, weight, graph }) => {
  const stat = (name: string) => {
    const w = weight(name)
    return graph.constant(`${node.id}.${name}`, w.shape, w.data)
  }
  return graph.op('BatchNormalization', [inputs[0], stat('scale'), stat('shift'), stat('runningMean'), stat('runningVar')],
    node.id, { epsilon: { float: node.eps ?? 1e-5 } })
}

export const add: LayerToOnnx<AddNode> = ({ node, inputs, graph }) =>
  inputs.slice(1).reduce((sum, x, i) => graph.op('Add', [sum, x], i === inputs.length - 2 ? node.id : `${node.id}/partial`), inputs[0])

export const concat: LayerToOnnx<ConcatNode> = ({ node, inputs, graph }) => graph.op('Concat', inputs, node.id, { axis: 1 })
