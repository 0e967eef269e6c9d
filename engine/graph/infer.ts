// Shape inference: every node's output shape, parameters and FLOPs per image, and what does not fit, in
// words a learner understands. Pure and fast (the editor reruns it on every edit); it never throws on a
// bad spec: problems come back as issues naming the node, and nodes after a broken one have no shape.

import { ShapeError, size, type ParamDef, type Shape } from './op-def.ts'
import { opOf } from './op-table.ts'
import { GraphError, type GraphIssue, type ModelSpec, type NodeSpec, type OpName } from './spec.ts'
import { validateSpec } from './validate.ts'

export interface NodeInfo {
  id: string
  op: OpName
  /** output shape of one image, channels first; null when it cannot be known (an issue here or upstream) */
  shape: Shape | null
  /** input shapes, in the order of the node's inputs */
  inputShapes: Shape[]
  /** parameters and running statistics by name ("weight", "bias", "scale", "runningMean", …) */
  paramShapes: Record<string, ParamDef>
  /** number of trainable values */
  params: number
  /** forward FLOPs per image (2 per multiply-add) */
  flops: number
  /** [lo, hi] padding per spatial axis, for ops that slide a window */
  pads?: [number, number][]
}

export interface ShapeReport {
  /** true when the spec is valid and every node has a shape */
  ok: boolean
  /** one entry per node that passed validation, by id */
  nodes: Record<string, NodeInfo>
  /** ids in an order where every node comes after its inputs */
  order: string[]
  issues: GraphIssue[]
  /** shape of the model's output, when known */
  output: Shape | null
  totals: {
    params: number
    flops: number
    /** values every node's output holds for one image: ×batch×4 bytes is the activation memory of a batch */
    activations: number
  }
}

function inferNode(node: NodeSpec, known: Record<string, NodeInfo>, issues: GraphIssue[]): NodeInfo {
  const info: NodeInfo = { id: node.id, op: node.op, shape: null, inputShapes: [], paramShapes: {}, params: 0, flops: 0 }
  const inputs = (node.inputs ?? []).map((i) => known[i]?.shape)
  if (inputs.some((s) => !s)) return info // an upstream node already said what is wrong
  info.inputShapes = inputs as Shape[]
  const def = opOf(node)
  try {
    const out = def.shape(node, info.inputShapes)
    info.paramShapes = def.params?.(node, info.inputShapes, out) ?? {}
    info.params = Object.values(info.paramShapes).reduce((n, p) => n + (p.trainable ? size(p.shape) : 0), 0)
    info.flops = def.flops(node, info.inputShapes, out)
    if (def.pads) info.pads = def.pads(node, info.inputShapes)
    info.shape = out
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e
    issues.push({ node: node.id, op: node.op, message: e.message })
  }
  return info
}

export function inferShapes(spec: unknown): ShapeReport {
  const { spec: checked, order, issues } = validateSpec(spec)
  const nodes: Record<string, NodeInfo> = {}
  const totals = { params: 0, flops: 0, activations: 0 }
  for (const node of order) {
    const info = inferNode(node, nodes, issues)
    nodes[node.id] = info
    totals.params += info.params
    totals.flops += info.flops
    totals.activations += info.shape ? size(info.shape) : 0
  }
  const out = (checked as { output?: unknown } | null)?.output
  const output = typeof out === 'string' ? nodes[out]?.shape ?? null : null
  const ok = issues.length === 0 && order.every((n) => nodes[n.id].shape)
  return { ok, nodes, order: order.map((n) => n.id), issues, output, totals }
}

/** the ids the output depends on, in `order` (a branch left dangling in the editor is not among them) */
export function usedNodes(spec: ModelSpec, order: readonly string[]): string[] {
  const byId = new Map(spec.nodes.map((n) => [n.id, n]))
  const keep = new Set<string>()
  const visit = (id: string) => {
    if (keep.has(id)) return
    keep.add(id)
    byId.get(id)?.inputs?.forEach(visit)
  }
  visit(spec.output)
  return order.filter((id) => keep.has(id))
}

/** the report of a spec that must be valid (building, exporting); throws GraphError listing every issue */
export function requireValid(spec: unknown): ShapeReport & { spec: ModelSpec } {
  const report = inferShapes(spec)
  if (!report.ok) throw new GraphError(report.issues)
  return { ...report, spec: spec as ModelSpec }
}
