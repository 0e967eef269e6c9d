// Pooling as ONNX: MaxPool, AveragePool (padding left out of the count, as the engine) and LpPool with
// explicit pads; global pools as GlobalAveragePool/GlobalMaxPool then Flatten to [N, C]. ONNX's LpPool
// takes an integer p; another p is written as Pow, a zero-padded AveragePool times the window size, and
// Pow 1/p. Pooling over channels has no ONNX op: Reshape [N, C/k, k, ...] and ReduceMax/ReduceMean axis 2.

import { size } from '../../graph/op-def.ts'
import type { ChannelPoolNode, GlobalPoolNode, LpPoolNode, PoolNode } from '../../graph/spec.ts'
import type { LayerInput, LayerToOnnx } from './onnx-graph.ts'

const windowAttrs = ({ node, info }: LayerInput<PoolNode | LpPoolNode>) => ({
  kernel_shape: node.window,
  strides: node.stride ?? node.window,
  pads: [...info.pads!.map(([lo]) => lo), ...info.pads!.map(([, hi]) => hi)],
})

export const maxpool: LayerToOnnx<PoolNode> = (layer) =>
  layer.graph.op('MaxPool', layer.inputs, layer.node.id, windowAttrs(layer))

export const avgpool: LayerToOnnx<PoolNode> = (layer) =>
  layer.graph.op('AveragePool', layer.inputs, layer.node.id, { ...windowAttrs(layer), count_include_pad: 0 })

export const lppool: LayerToOnnx<LpPoolNode> = (layer) => {
  const { node, inputs, graph } = layer
  const p = node.p ?? 2
  if (Number.isInteger(p)) return graph.op('LpPool', inputs, node.id, { ...windowAttrs(layer), p })
  const k = size(node.window)
  const scalar = (name: string, v: number) => graph.constant(`${node.id}/${name}`, [], Float32Array.of(v))
  const powered = graph.op('Pow', [inputs[0], scalar('p', p)], `${node.id}/pow`)
  const mean = graph.op('AveragePool', [powered], `${node.id}/mean`, { ...windowAttrs(layer), count_include_pad: 1 })
  const sum = graph.op('Mul', [mean, scalar('window', k)], `${node.id}/sum`)
  return graph.op('Pow', [sum, scalar('inv_p', 1 / p)], node.id)
}

const global = (op: string): LayerToOnnx<GlobalPoolNode> => ({ node, inputs, graph }) =>
  graph.op('Flatten', [graph.op(op, inputs, `${node.id}/pooled`)], node.id, { axis: 1 })

export const globalavgpool = global('GlobalAveragePool')
export const globalmaxpool = global('GlobalMaxPool')

export const channelpool: LayerToOnnx<ChannelPoolNode> = ({ node, inputs, info, graph }) => {
  const [c, ...spatial] = info.inputShapes[0]
  const k = node.groupSize
  // 0 keeps the (dynamic) batch size
  const grouped = graph.op('Reshape', [inputs[0], graph.int64s(`${node.id}/groups`, [0, c / k, k, ...spatial])], `${node.id}/grouped`)
  return graph.op(node.mode === 'avg' ? 'ReduceMean' : 'ReduceMax', [grouped], node.id, { axes: [2], keepdims: 0 })
}
