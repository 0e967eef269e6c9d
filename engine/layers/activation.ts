// Elementwise activations and softmax over the channel axis; none owns parameters.

import type { ActivationNode, LeakyReluNode, SoftmaxNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const relu: Forward<ActivationNode> = (_, [x]) => ops.relu(x)
export const sigmoid: Forward<ActivationNode> = (_, [x]) => ops.sigmoid(x)
export const tanh: Forward<ActivationNode> = (_, [x]) => ops.tanh(x)
export const leakyrelu: Forward<LeakyReluNode> = (node, [x]) => ops.leakyRelu(x, node.slope ?? 0.01)
export const softmax: Forward<SoftmaxNode> = (_, [x]) => ops.softmax(x)
