// Fully connected layer and the flatten that feeds it: [N, ...] → [N, values] in channel-first order.

import type { DenseNode, FlattenNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const dense: Forward<DenseNode> = (_, [x], { weight, bias }) => ops.dense(x, weight, bias)
export const flatten: Forward<FlattenNode> = (_, [x]) => ops.flatten(x)
