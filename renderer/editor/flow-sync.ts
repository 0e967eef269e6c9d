// Turns the document and its shape report into Svelte Flow's nodes and edges. Runs once per edit, not per
// frame: a drag moves Svelte Flow's own node objects, and objects whose content did not change are reused,
// so Svelte Flow keeps their measured sizes and re-renders only what an edit touched.
import { describeIssue, formatShape, OPS, type OpDef, type ShapeReport } from '../../engine/graph/index.ts'
import type { Edge, Node } from '@xyflow/svelte'
import type { EditorDoc } from './doc.ts'
import { nodeSummary } from './node-summary.ts'

/** what the layer card shows */
export interface LayerData extends Record<string, unknown> {
  op: string
  title: string
  summary: string
  /** output shape, "6×28×28", or null when it cannot be known */
  shape: string | null
  params: number
  flops: number
  /** what is wrong with the node, in words; null when nothing is */
  problem: string | null
  isOutput: boolean
}

export type LayerNode = Node<LayerData, 'layer'>

const sameData = (a: LayerData, b: LayerData) =>
  (Object.keys(a) as (keyof LayerData)[]).every((k) => a[k] === b[k])

/** the first problem reported for each node */
export function problemsByNode(report: ShapeReport): Map<string, string> {
  const problems = new Map<string, string>()
  for (const issue of report.issues) {
    if (issue.node && !problems.has(issue.node)) problems.set(issue.node, describeIssue({ ...issue, node: undefined }))
  }
  return problems
}

/** select: ids to select instead of keeping each node's current selection */
export function toFlowNodes(doc: EditorDoc, report: ShapeReport, prev: Node[], selectIds?: Iterable<string>): LayerNode[] {
  const select = selectIds && new Set(selectIds)
  const before = new Map(prev.map((n) => [n.id, n]))
  const problems = problemsByNode(report)
  return doc.spec.nodes.map((spec, i) => {
    const info = report.nodes[spec.id]
    const data: LayerData = {
      op: spec.op,
      title: (OPS[spec.op] as unknown as OpDef | undefined)?.title ?? String(spec.op),
      summary: nodeSummary(spec),
      shape: info?.shape ? formatShape(info.shape) : null,
      params: info?.params ?? 0,
      flops: info?.flops ?? 0,
      problem: problems.get(spec.id) ?? null,
      isOutput: doc.spec.output === spec.id,
    }
    const position = doc.layout[spec.id] ?? { x: i * 40, y: i * 40 }
    const old = before.get(spec.id) as LayerNode | undefined
    const selected = select ? select.has(spec.id) : old?.selected ?? false
    if (old && old.position.x === position.x && old.position.y === position.y && !!old.selected === selected && sameData(old.data, data)) return old
    const ariaLabel = `${data.title} ${spec.id}`
    return { id: spec.id, type: 'layer', position, data, selected, ariaLabel, ...(old?.measured ? { measured: old.measured } : {}) }
  })
}

export const edgeId = (source: string, target: string) => `${source}->${target}`

/** one edge per input, labelled with the shape it carries */
export function toFlowEdges(doc: EditorDoc, report: ShapeReport, prev: Edge[], selectIds?: Iterable<string>): Edge[] {
  const select = selectIds && new Set(selectIds)
  const before = new Map(prev.map((e) => [e.id, e]))
  const ids = new Set(doc.spec.nodes.map((n) => n.id))
  const edges = new Map<string, Edge>()
  for (const node of doc.spec.nodes) {
    for (const source of node.inputs ?? []) {
      const id = edgeId(source, node.id)
      if (!ids.has(source) || edges.has(id)) continue
      const shape = report.nodes[source]?.shape
      const label = shape ? formatShape(shape) : '?'
      const old = before.get(id)
      const selected = select ? select.has(id) : old?.selected ?? false
      edges.set(id, old && old.label === label && !!old.selected === selected
        ? old
        : { id, source, target: node.id, label, selected, ariaLabel: `Edge from ${source} to ${node.id}, shape ${label}` })
    }
  }
  return [...edges.values()]
}
