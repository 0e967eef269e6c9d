// A model's forward that keeps every node's output, for inspection: feature maps need all of them and
// activation maximisation needs one inner node with its tape. Walks the same checked nodes and layers as
// buildModel (with the model's own parameters), in evaluation mode, stopping at `until` when given.

import { deriveSeed } from '../random.ts'
import { forwardOf } from '../layers/index.ts'
import type { Model } from '../graph/build.ts'
import { usedNodes } from '../graph/infer.ts'
import type { Tensor } from '../tensor.ts'

/** the node ids the model evaluates, inputs first (the report's order, restricted to built nodes) */
export function tracedNodes(model: Model): string[] {
  return usedNodes(model.spec, model.shapes.order)
}

/** every node's output for x ([N, ...inputShape]) by node id, up to and including `until` */
export function forwardTrace(model: Model, x: Tensor, until?: string): Map<string, Tensor> {
  const byId = new Map(model.spec.nodes.map((n) => [n.id, n]))
  const owned = new Map<string, Record<string, Tensor>>()
  for (const [key, t] of [...model.parameters(), ...model.buffers()]) {
    const dot = key.lastIndexOf('.')
    const node = key.slice(0, dot)
    owned.set(node, { ...owned.get(node), [key.slice(dot + 1)]: t })
  }
  const values = new Map<string, Tensor>()
  const order = tracedNodes(model)
  if (until !== undefined && !order.includes(until)) throw new Error(`the model has no node ${until}`)
  for (const [k, id] of order.entries()) {
    const node = byId.get(id)!
    if (node.op === 'input') values.set(id, x)
    else {
      const xs = node.inputs!.map((i) => values.get(i)!)
      values.set(id, forwardOf(node)(node, xs, owned.get(id) ?? {}, { training: false, seed: deriveSeed(0, k) }))
    }
    if (id === until) break
  }
  return values
}
