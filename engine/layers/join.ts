// Layers that join several inputs: add (residual connections, equal shapes) and concat (channel axis).

import type { AddNode, ConcatNode } from '../graph/spec.ts'
import { ops } from '../ops/index.ts'
import type { Forward } from './layer.ts'

export const add: Forward<AddNode> = (_, xs) => xs.slice(1).reduce((sum, x) => ops.add(sum, x), xs[0])
export const concat: Forward<ConcatNode> = (_, xs) => ops.concat(xs)
