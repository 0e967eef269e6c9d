// The edits a user makes, as pure functions from one document to the next. The history stores their
// results, so undo is exact; nothing here touches Svelte or the canvas. The model's output follows the
// chain being built: it moves to a node connected after it, and to the last end node when it is deleted.
import type { NodeSpec } from '../../engine/graph/index.ts'
import type { EditorDoc, Layout, Position } from './doc.ts'

/** a connection from one node's output into another's inputs */
export interface Link { source: string; target: string }

/** the last node, in spec order, that feeds no other node; '' when there are none */
function lastSink(nodes: NodeSpec[]): string {
  const used = new Set(nodes.flatMap((n) => n.inputs ?? []))
  for (let i = nodes.length - 1; i >= 0; i--) if (!used.has(nodes[i].id)) return nodes[i].id
  return nodes.length ? nodes[nodes.length - 1].id : ''
}

export function addNode(doc: EditorDoc, node: NodeSpec, at: Position): EditorDoc {
  const spec = { ...doc.spec, nodes: [...doc.spec.nodes, node], output: doc.spec.output || node.id }
  return { spec, layout: { ...doc.layout, [node.id]: at } }
}

/** adds several nodes (a paste); their links among themselves come with them */
export function addNodes(doc: EditorDoc, nodes: NodeSpec[], at: Layout): EditorDoc {
  const all = [...doc.spec.nodes, ...nodes]
  const spec = { ...doc.spec, nodes: all, output: doc.spec.output || lastSink(all) }
  return { spec, layout: { ...doc.layout, ...at } }
}

/** deletes nodes (with every link to or from them) and links */
export function remove(doc: EditorDoc, nodeIds: Iterable<string>, links: Link[] = []): EditorDoc {
  const ids = new Set(nodeIds)
  const cut = new Set(links.map((l) => `${l.source}\n${l.target}`))
  const nodes = doc.spec.nodes.filter((n) => !ids.has(n.id)).map((n) => {
    if (!n.inputs) return n
    const inputs = n.inputs.filter((i) => !ids.has(i) && !cut.has(`${i}\n${n.id}`))
    return inputs.length === n.inputs.length ? n : { ...n, inputs }
  })
  const layout = { ...doc.layout }
  for (const id of ids) delete layout[id]
  const output = ids.has(doc.spec.output) ? lastSink(nodes) : doc.spec.output
  return { spec: { ...doc.spec, nodes, output }, layout }
}

/** appends source to target's inputs; a chain grows its output along with it */
export function connect(doc: EditorDoc, { source, target }: Link): EditorDoc {
  const nodes = doc.spec.nodes.map((n) => (n.id === target ? { ...n, inputs: [...(n.inputs ?? []), source] } : n))
  const output = doc.spec.output === source ? target : doc.spec.output
  return { ...doc, spec: { ...doc.spec, nodes, output } }
}

/** sets fields of one node; undefined removes a field (its default applies) */
export function setFields(doc: EditorDoc, id: string, patch: Record<string, unknown>): EditorDoc {
  const nodes = doc.spec.nodes.map((n) => {
    if (n.id !== id) return n
    const next: Record<string, unknown> = { ...n, ...patch }
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k]
    return next as unknown as NodeSpec
  })
  return { ...doc, spec: { ...doc.spec, nodes } }
}

export function setOutput(doc: EditorDoc, id: string): EditorDoc {
  return { ...doc, spec: { ...doc.spec, output: id } }
}

/** new positions for some nodes; the spec is kept as is (so inference is not rerun) */
export function move(doc: EditorDoc, positions: Layout): EditorDoc {
  return { ...doc, layout: { ...doc.layout, ...positions } }
}

/** every position moved by (dx, dy) for the given nodes */
export function nudge(doc: EditorDoc, ids: Iterable<string>, dx: number, dy: number): EditorDoc {
  const positions: Layout = {}
  for (const id of ids) {
    const p = doc.layout[id]
    if (p) positions[id] = { x: p.x + dx, y: p.y + dy }
  }
  return move(doc, positions)
}
