// The one line under a layer's name on the canvas: its main settings at a glance ("6 @ 5×5, same").
import { formatShape, type NodeSpec } from '../../engine/graph/index.ts'

const pad = (p: unknown) => (typeof p === 'string' ? p : p === undefined ? '' : 'padded')
const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(', ')
const strided = (s: number[] | undefined) => s && s.some((v) => v !== 1) && `stride ${formatShape(s)}`

export function nodeSummary(n: NodeSpec): string {
  switch (n.op) {
    case 'input': return '' // its shape is its output, shown below
    case 'conv': case 'local': case 'tiled':
      return join(`${n.filters} @ ${formatShape(n.kernel ?? [])}`, strided(n.stride), pad(n.padding),
        n.op === 'tiled' && `tiles ${n.tiles}`, n.op === 'conv' && n.flip && 'flipped')
    case 'maxpool': case 'avgpool': case 'lppool': return join(formatShape(n.window ?? []), n.stride && strided(n.stride), pad(n.padding))
    case 'channelpool': return `groups of ${n.groupSize}${n.mode === 'avg' ? ', avg' : ''}`
    case 'dense': return `${n.units} units`
    case 'dropout': return `rate ${n.rate ?? 0.5}`
    case 'leakyrelu': return `slope ${n.slope ?? 0.01}`
    default: return ''
  }
}
