// What every exporter starts from: a valid spec reduced to the nodes its output needs, and the weights
// (every parameter and running statistic by "<nodeId>.<name>", as a checkpoint stores them) checked
// against it, so a run without weights, or with another graph's, is a clear error instead of a broken file.

import type { ModelSpec } from '../graph/spec.ts'
import { fmt, size } from '../graph/op-def.ts'
import { requireValid, usedNodes, type NodeInfo, type ShapeReport } from '../graph/infer.ts'

/** one tensor as a checkpoint holds it: channels-first shape and float32 values */
export interface WeightTensor { shape: number[]; data: Float32Array }

export type Weights = Record<string, WeightTensor>

/** a valid spec reduced to the nodes its output depends on, in execution order, with their weights */
export interface ExportModel {
  spec: ModelSpec
  report: ShapeReport
  nodes: { node: ModelSpec['nodes'][number]; info: NodeInfo }[]
  inputShape: number[]
  outputShape: number[]
  /** exactly the parameters and running statistics those nodes own */
  weights: Weights
}

export class ExportError extends Error {
  override name = 'ExportError'
}

/** validates the spec and checks that `weights` holds every parameter it needs, with the right size */
export function prepareExport(spec: unknown, weights: Weights): ExportModel {
  const report = requireValid(spec)
  const checked = report.spec
  const byId = new Map(checked.nodes.map((n) => [n.id, n]))
  const nodes = usedNodes(checked, report.order).map((id) => ({ node: byId.get(id)!, info: report.nodes[id] }))
  const needed = nodes.flatMap(({ node, info }) => Object.entries(info.paramShapes).map(([name, def]) => ({ key: `${node.id}.${name}`, def })))
  if (needed.length > 0 && Object.keys(weights).length === 0) {
    throw new ExportError('there are no weights to export: the run has no checkpoint yet (train it for at least one epoch)')
  }
  const used: Weights = {}
  for (const { key, def } of needed) {
    const w = weights[key]
    if (!w) throw new ExportError(`the weights have no ${key}; they belong to another graph`)
    if (w.data.length !== size(def.shape)) {
      throw new ExportError(`${key} holds ${w.data.length} values but the graph needs ${fmt(def.shape)} (${size(def.shape)})`)
    }
    used[key] = w
  }
  const input = nodes.find(({ node }) => node.op === 'input')!
  return { spec: checked, report, nodes, inputShape: input.info.shape!, outputShape: report.output!, weights: used }
}
