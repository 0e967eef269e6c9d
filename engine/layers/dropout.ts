// Dropout: while training, zeroes each value with probability `rate` and scales the rest by 1/(1−rate);
// the identity at inference. The mask is drawn from the seed the model gives this node for this pass.

import type { DropoutNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const dropout: Forward<DropoutNode> = (node, [x], _, { training, seed }) =>
  ops.dropout(x, node.rate ?? 0.5, { training, seed })
