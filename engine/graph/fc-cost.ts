// What a convolution would cost as a fully connected layer: the lecture's sparse interactions and
// parameter sharing as numbers. Works on shape inference's NodeInfo, so the editor can show it live.

import { size } from './op-def.ts'
import type { NodeInfo } from './infer.ts'

export interface ConnectionCost {
  /** trainable values */
  params: number
  /** input-to-output weights applied for one image (multiply-adds) */
  connections: number
}

/** this conv-like layer and the dense layer with the same input and output sizes; null for other ops or no shape */
export function fullyConnectedCost(info: NodeInfo): { layer: ConnectionCost; dense: ConnectionCost } | null {
  if (!['conv', 'local', 'tiled'].includes(info.op) || !info.shape) return null
  const [input] = info.inputShapes
  const inSize = size(input)
  const outSize = size(info.shape)
  // one kernel covers C × kernel values: the weight's trailing 1 + rank axes
  const perOutput = size(info.paramShapes.weight.shape.slice(-input.length))
  const bias = info.paramShapes.bias ? outSize : 0
  return {
    layer: { params: info.params, connections: outSize * perOutput },
    dense: { params: inSize * outSize + bias, connections: inSize * outSize },
  }
}
