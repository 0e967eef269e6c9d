// What a layer dropped from the palette starts as: fields that make a working layer for the graph's
// input rank (a 3×3 kernel on images, 3 on audio, 3×3×3 on volumes) and a readable fresh id ("conv2").
import type { ModelSpec, NodeSpec, OpName } from '../../engine/graph/index.ts'

/** spatial rank of the graph's input (1 to 3), or 2 when there is no usable input yet */
export function inputRank(spec: ModelSpec): number {
  const input = spec.nodes.find((n) => n.op === 'input')
  const rank = input && input.op === 'input' && Array.isArray(input.shape) ? input.shape.length - 1 : 2
  return rank >= 1 && rank <= 3 ? rank : 2
}

const fill = (rank: number, v: number) => Array.from({ length: rank }, () => v)

/** a new node of this op with fields suited to the input rank; no inputs yet */
export function newNode(op: OpName, id: string, rank: number): NodeSpec {
  const r2 = Math.min(rank, 2) // unshared and tiled convolutions stop at 2D
  switch (op) {
    case 'input': return { id, op, shape: [1, 28, 28] }
    case 'conv': return { id, op, filters: 8, kernel: fill(rank, 3) }
    case 'local': return { id, op, filters: 8, kernel: fill(r2, 3) }
    case 'tiled': return { id, op, filters: 8, kernel: fill(2, 3), tiles: 2 }
    case 'maxpool': case 'avgpool': case 'lppool': return { id, op, window: fill(rank, 2) }
    case 'channelpool': return { id, op, groupSize: 2 }
    case 'dense': return { id, op, units: 10 }
    default: return { id, op } as NodeSpec
  }
}

const PREFIX: Partial<Record<OpName, string>> = {
  maxpool: 'pool', avgpool: 'avgpool', lppool: 'l2pool', globalavgpool: 'gap', globalmaxpool: 'gmp',
  channelpool: 'maxout', leakyrelu: 'lrelu', batchnorm: 'bn', dropout: 'drop',
}

/** "conv1", "conv2", …: the first free id for this op */
export function freshId(op: OpName, ids: Iterable<string>): string {
  const taken = ids instanceof Set ? ids : new Set(ids)
  const prefix = PREFIX[op] ?? op
  let n = 1
  while (taken.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}
