// The editor's document: the model spec plus where each node sits on the canvas. Every edit makes a new
// document (nodes are never mutated), so undo keeps old documents as they were and inference can be
// memoised on the spec's identity.
import { FORMAT, type ModelSpec, type NodeSpec } from '../../engine/graph/index.ts'

export interface Position { x: number; y: number }

/** canvas position of each node, by id; kept beside the spec, never in it */
export type Layout = Record<string, Position>

export interface EditorDoc { spec: ModelSpec; layout: Layout }

export const emptyDoc = (): EditorDoc => ({ spec: { format: FORMAT, nodes: [], output: '' }, layout: {} })

export const nodeById = (doc: EditorDoc, id: string): NodeSpec | undefined => doc.spec.nodes.find((n) => n.id === id)

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** a stored layout read back (untrusted: a project may come from anyone); keeps only well-formed entries */
export function readLayout(raw: unknown): Layout {
  const layout: Layout = {}
  if (!isObject(raw)) return layout
  for (const [id, p] of Object.entries(raw)) {
    if (isObject(p) && isFiniteNumber(p.x) && isFiniteNumber(p.y)) layout[id] = { x: p.x, y: p.y }
  }
  return layout
}
