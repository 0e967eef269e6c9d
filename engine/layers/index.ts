// The runnable layers: one forward per op of the spec. The mapped type makes a missing op a compile
// error, so the spec, the op table and the layers cannot drift apart.

import type { NodeSpec, OpName } from '../graph/spec.ts'
import * as activation from './activation.ts'
import { batchnorm } from './batch-norm.ts'
import * as convs from './conv.ts'
import { dense, flatten } from './dense.ts'
import { dropout } from './dropout.ts'
import { add, concat } from './join.ts'
import type { Forward } from './layer.ts'
import * as pools from './pool.ts'

type Table = { [K in Exclude<OpName, 'input'>]: Forward<Extract<NodeSpec, { op: K }>> }

export const LAYERS: Table = {
  ...convs, ...pools, ...activation, dense, flatten, dropout, batchnorm, add, concat,
}

/** the forward of a node other than the input, typed loosely for the graph walker */
export const forwardOf = (node: Exclude<NodeSpec, { op: 'input' }>): Forward => LAYERS[node.op] as unknown as Forward

export type { Forward, LayerContext } from './layer.ts'
export { INITIALIZERS, initStd, initValues, type Initializer } from './init.ts'
