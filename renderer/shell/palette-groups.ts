// The palette's groups of layers, in the lecture's order, with each layer's name and one-line summary
// taken from engine/graph's op table; and the search that filters them by name, op or description.
import { OPS, type OpDef, type OpName } from '../../engine/graph/index.ts'

export interface PaletteItem { op: OpName; title: string; summary: string }
export interface PaletteGroup { name: string; items: PaletteItem[] }

const GROUPS: [string, OpName[]][] = [
  ['Input', ['input']],
  ['Convolution', ['conv', 'local', 'tiled']],
  ['Pooling', ['maxpool', 'avgpool', 'lppool', 'globalmaxpool', 'globalavgpool', 'channelpool']],
  ['Activations', ['relu', 'leakyrelu', 'sigmoid', 'tanh', 'softmax']],
  ['Dense and regularisation', ['dense', 'flatten', 'dropout', 'batchnorm']],
  ['Merge', ['add', 'concat']],
]

const item = (op: OpName): PaletteItem => {
  const def = OPS[op] as unknown as OpDef
  return { op, title: def.title, summary: def.summary }
}

export const paletteGroups: PaletteGroup[] = GROUPS.map(([name, ops]) => ({ name, items: ops.map(item) }))

/** the groups with only the items matching every word of the query; empty groups are left out */
export function searchPalette(query: string, groups = paletteGroups): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return groups
  const matches = (i: PaletteItem) => {
    const text = `${i.title} ${i.op} ${i.summary}`.toLowerCase()
    return words.every((w) => text.includes(w))
  }
  return groups.map((g) => ({ ...g, items: g.items.filter(matches) })).filter((g) => g.items.length)
}
