// The three convolutions as ONNX. An ordinary convolution is one Conv with explicit pads (never auto_pad);
// true convolution (flip) is a Conv whose kernels are mirrored on every spatial axis. Unshared and tiled
// convolution have no ONNX op: a fixed one-hot Conv extracts each position's patch ([N, C·K, ...out]),
// a Mul applies that position's own kernels ([F, C·K, ...out]), ReduceSum adds over C·K, then the bias.
// A tiled convolution is the same with its t×t kernel sets laid out per position.

import { size } from '../../graph/op-def.ts'
import type { ConvNode, LocalNode, TiledNode } from '../../graph/spec.ts'
import type { LayerInput, LayerToOnnx } from './onnx-graph.ts'


/** ONNX's pads: every axis's low side, then every high side */
const onnxPads = (pads: [number, number][]) => [...pads.map(([lo]) => lo), ...pads.map(([, hi]) => hi)]

/** mirrors every kernel on all its spatial axes: within one C-order kernel block that reverses the block */
function flipKernels(data: Float32Array, k: number): Float32Array {
  const out = new Float32Array(data.length)
  for (let b = 0; b < data.length; b += k) for (let i = 0; i < k; i++) out[b + i] = data[b + k - 1 - i]
  return out
}

export const conv: LayerToOnnx<ConvNode> = ({ node, inputs, info, weight, graph }) => {
  const w = weight('weight')
  const kernel = node.kernel, k = size(kernel)
  const data = node.flip ? flipKernels(w.data, k) : w.data
  const args = [inputs[0], graph.constant(`${node.id}.weight`, w.shape, data)]
  if (node.bias !== false) args.push(graph.constant(`${node.id}.bias`, [w.shape[0]], weight('bias').data))
  return graph.op('Conv', args, node.id, {
    kernel_shape: kernel,
    strides: node.stride ?? kernel.map(() => 1),
    dilations: node.dilation ?? kernel.map(() => 1),
    pads: onnxPads(info.pads!),
    group: 1,
  })
}

/**
 * Patches times per-position kernels. perPosition holds P blocks of [F, C·K] (P = output positions in
 * row-major order); bias is broadcast onto [N, F, ...out].
 */
function unshared(
  { node, inputs, info, graph }: LayerInput<LocalNode | TiledNode>,
  perPosition: Float32Array, bias: { dims: number[]; data: Float32Array } | null,
): string {
  const [c] = info.inputShapes[0]
  const [f, ...out] = info.shape!
  const kernel = node.kernel, k = size(kernel), ck = c * k, p = size(out)
  // one-hot kernels: output channel c·K + j copies input channel c at kernel tap j
  const oneHot = new Float32Array(ck * ck)
  for (let r = 0; r < ck; r++) oneHot[r * ck + r] = 1
  const patches = graph.op('Conv', [inputs[0], graph.constant(`${node.id}/one_hot`, [ck, c, ...kernel], oneHot)], `${node.id}/patches`, {
    kernel_shape: kernel,
    strides: node.stride ?? kernel.map(() => 1),
    pads: onnxPads(info.pads!),
  })
  // [P, F, C·K] → [F, C·K, ...out], to broadcast against [N, 1, C·K, ...out]
  const kernels = new Float32Array(f * ck * p)
  for (let q = 0; q < p; q++) for (let j = 0; j < f * ck; j++) kernels[j * p + q] = perPosition[q * f * ck + j]
  const spread = graph.op('Unsqueeze', [patches, graph.int64s(`${node.id}/axis1`, [1])], `${node.id}/patches_1`)
  const products = graph.op('Mul', [spread, graph.constant(`${node.id}.weight`, [f, ck, ...out], kernels)], `${node.id}/products`)
  const summed = graph.op('ReduceSum', [products, graph.int64s(`${node.id}/axis2`, [2])], bias ? `${node.id}/sum` : node.id, { keepdims: 0 })
  return bias ? graph.op('Add', [summed, graph.constant(`${node.id}.bias`, bias.dims, bias.data)], node.id) : summed
}

/** weight [...out, F, C, ...kernel] is already P blocks of [F, C·K]; bias [F, ...out] */
export const local: LayerToOnnx<LocalNode> = (layer) => {
  const w = layer.weight('weight')
  const bias = layer.node.bias === false ? null : { dims: layer.info.shape!, data: layer.weight('bias').data }
  return unshared(layer, w.data, bias)
}

/** weight [t, t, F, C, kh, kw]: position (i, j) takes set (i mod t, j mod t); bias [F] */
export const tiled: LayerToOnnx<TiledNode> = (layer) => {
  const t = layer.node.tiles
  const [f, oh, ow] = layer.info.shape!
  const w = layer.weight('weight')
  const block = w.data.length / (t * t)
  const perPosition = new Float32Array(oh * ow * block)
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      const set = (i % t) * t + (j % t)
      perPosition.set(w.data.subarray(set * block, (set + 1) * block), (i * ow + j) * block)
    }
  }
  const bias = layer.node.bias === false ? null : { dims: [f, 1, 1], data: layer.weight('bias').data }
  return unshared(layer, perPosition, bias)
}
