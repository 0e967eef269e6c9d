// The op table: one row per op of the spec, in palette order. Everything that needs to know about an op
// (validation, shape inference, parameter shapes, FLOPs, the runnable layers, the editor's palette) reads it here.

import * as basic from './ops-basic.ts'
import * as convs from './ops-conv.ts'
import * as pools from './ops-pool.ts'
import type { OpDef } from './op-def.ts'
import type { NodeSpec, OpName } from './spec.ts'

type Table = { [K in OpName]: OpDef<Extract<NodeSpec, { op: K }>> }

export const OPS: Table = {
  input: basic.input,
  conv: convs.conv,
  local: convs.local,
  tiled: convs.tiled,
  maxpool: pools.maxpool,
  avgpool: pools.avgpool,
  lppool: pools.lppool,
  globalavgpool: pools.globalavgpool,
  globalmaxpool: pools.globalmaxpool,
  channelpool: pools.channelpool,
  relu: basic.relu,
  leakyrelu: basic.leakyrelu,
  sigmoid: basic.sigmoid,
  tanh: basic.tanh,
  softmax: basic.softmax,
  dense: basic.dense,
  flatten: basic.flatten,
  dropout: basic.dropout,
  batchnorm: basic.batchnorm,
  add: basic.add,
  concat: basic.concat,
}

export const OP_NAMES = Object.keys(OPS) as OpName[]

export const isOpName = (op: unknown): op is OpName => typeof op === 'string' && Object.hasOwn(OPS, op)

/** the row for a node, typed loosely for code that handles every op alike */
export const opOf = (node: NodeSpec): OpDef => OPS[node.op] as unknown as OpDef
