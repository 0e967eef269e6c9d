// Copy and paste of a selection: the nodes with the links among them, pasted under fresh ids and offset
// so the copy is visible beside the original. Links to nodes outside the selection are not copied.
import type { NodeSpec } from '../../engine/graph/index.ts'
import { addNodes } from './commands.ts'
import type { EditorDoc, Layout } from './doc.ts'
import { freshId } from './node-defaults.ts'

export interface Fragment { nodes: NodeSpec[]; layout: Layout }

export const PASTE_OFFSET = 40

export function copyFragment(doc: EditorDoc, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds)
  const nodes = doc.spec.nodes.filter((n) => ids.has(n.id)).map((n) =>
    n.inputs ? { ...n, inputs: n.inputs.filter((i) => ids.has(i)) } : n)
  const layout: Layout = {}
  for (const n of nodes) layout[n.id] = doc.layout[n.id] ?? { x: 0, y: 0 }
  return { nodes, layout }
}

/** the document with the fragment added, and the new nodes' ids (to select them) */
export function pasteFragment(doc: EditorDoc, fragment: Fragment, times = 1): { doc: EditorDoc; ids: string[] } {
  const taken = new Set(doc.spec.nodes.map((n) => n.id))
  const rename = new Map<string, string>()
  for (const n of fragment.nodes) {
    const id = freshId(n.op, taken)
    taken.add(id)
    rename.set(n.id, id)
  }
  const shift = PASTE_OFFSET * times
  const layout: Layout = {}
  const nodes = fragment.nodes.map((n) => {
    const id = rename.get(n.id)!
    const p = fragment.layout[n.id]
    layout[id] = { x: p.x + shift, y: p.y + shift }
    return { ...n, id, ...(n.inputs ? { inputs: n.inputs.map((i) => rename.get(i)!) } : {}) } as NodeSpec
  })
  return { doc: addNodes(doc, nodes, layout), ids: nodes.map((n) => n.id) }
}
