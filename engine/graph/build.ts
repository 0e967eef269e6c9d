// buildModel: a checked spec becomes a runnable model. Parameters are created from the op table's shapes
// (seeded per "<node>.<name>", so adding a node leaves the others' initial weights unchanged), the forward
// walks the nodes in order calling each layer, and any error inside a layer is rethrown naming the node.
// Nodes the output does not depend on (a branch left dangling in the editor) are not built.
// Not exported from engine/graph/index.ts: that module stays pure for the renderer.

import { isGradEnabled } from '../autograd.ts'
import { unary } from '../kernels/elementwise.ts'
import { forwardOf } from '../layers/index.ts'
import { initValues, type Initializer } from '../layers/init.ts'
import { deriveSeed, uniformAt } from '../random.ts'
import { Tensor } from '../tensor.ts'
import { fmt, size, type ParamDef, type Shape } from './op-def.ts'
import { requireValid, usedNodes, type ShapeReport } from './infer.ts'
import type { ModelSpec } from './spec.ts'

export interface BuildOptions {
  /** seed of the initial weights; default 0 */
  seed?: number
  /** initialiser of weights; biases start at zero, batch-norm scales at one. default He normal */
  init?: Initializer
}

export interface ForwardOptions {
  /** dropout active and batch norm on batch statistics (updating its running ones); default false */
  training?: boolean
  /** seed of this pass's dropout masks; the train loop gives each step its own */
  seed?: number
}

export interface Model {
  readonly spec: ModelSpec
  readonly shapes: ShapeReport
  /** one sample's shape, channels first, without the batch axis */
  readonly inputShape: Shape
  readonly outputShape: Shape
  /** x: [N, ...inputShape] → [N, ...outputShape] */
  forward(x: Tensor, options?: ForwardOptions): Tensor
  /** trainable parameters by "<nodeId>.<name>" */
  parameters(): Map<string, Tensor>
  /** running statistics (batch norm) by "<nodeId>.<name>": saved with checkpoints, not trained */
  buffers(): Map<string, Tensor>
  /** overwrites parameters and buffers by name; unknown names and size mismatches throw */
  loadParameters(values: Map<string, Tensor | ArrayLike<number>>): void
}

/** FNV-1a: a stable number for a parameter's name */
function nameHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function createParam(name: string, def: ParamDef, seed: number, init: Initializer): Tensor {
  const n = size(def.shape)
  let values: ArrayLike<number>
  if (def.init === 'weight') {
    const stream = deriveSeed(seed, nameHash(name))
    let i = 0
    values = initValues(init, n, def.fanIn ?? 1, def.fanOut ?? 1, () => uniformAt(stream, i++))
  } else {
    values = new Float32Array(n).fill(def.init === 'ones' ? 1 : 0)
  }
  return Tensor.from(values, def.shape, { requiresGrad: def.trainable })
}

export function buildModel(spec: unknown, options: BuildOptions = {}): Model {
  const { spec: checked, ...shapes } = requireValid(spec)
  const { seed = 0, init = 'he-normal' } = options
  const byId = new Map(checked.nodes.map((n) => [n.id, n]))
  const nodes = usedNodes(checked, shapes.order).map((id) => byId.get(id)!)
  const input = nodes.find((n) => n.op === 'input')!
  const inputShape = shapes.nodes[input.id].shape!
  const params = new Map<string, Tensor>()
  const buffers = new Map<string, Tensor>()
  const owned: Record<string, Record<string, Tensor>> = {}
  for (const node of nodes) {
    owned[node.id] = {}
    for (const [name, def] of Object.entries(shapes.nodes[node.id].paramShapes)) {
      const key = `${node.id}.${name}`
      const t = createParam(key, def, seed, init)
      owned[node.id][name] = t
      if (def.trainable) params.set(key, t)
      else buffers.set(key, t)
    }
  }

  // the position of the last node reading each output; the model's output is read after the last node
  const lastUse = new Map<string, number>()
  nodes.forEach((n, k) => n.inputs?.forEach((id) => lastUse.set(id, k)))
  lastUse.set(checked.output, nodes.length)
  const weights = new Set([...params.values(), ...buffers.values()].map((t) => t.buffer))

  /** without a tape nothing else holds an intermediate: frees those no later node reads, unless a live value
   *  shares the buffer (a flatten is a view) or it is the caller's input or a weight */
  function releaseSpent(values: Map<string, Tensor>, k: number, x: Tensor): void {
    const spent = [...values].filter(([id]) => lastUse.get(id)! <= k)
    for (const [id] of spent) values.delete(id)
    const live = new Set([...values.values()].map((t) => t.buffer))
    for (const [, t] of spent) if (!live.has(t.buffer) && !weights.has(t.buffer) && t.buffer !== x.buffer) t.dispose()
  }

  function forward(x: Tensor, { training = false, seed: passSeed = 0 }: ForwardOptions = {}): Tensor {
    if (x.shape.length !== inputShape.length + 1 || fmt(x.shape.slice(1)) !== fmt(inputShape)) {
      throw new Error(`${input.id} (input): expects a batch of ${fmt(inputShape)} samples, got a tensor of ${fmt(x.shape)}`)
    }
    const values = new Map<string, Tensor>([[input.id, x]])
    nodes.forEach((node, k) => {
      if (node.op === 'input') return
      const xs = node.inputs!.map((id) => values.get(id)!)
      try {
        values.set(node.id, forwardOf(node)(node, xs, owned[node.id], { training, seed: deriveSeed(passSeed, k) }))
      } catch (e) {
        const shapesIn = xs.map((t) => fmt(t.shape)).join(' and ')
        throw new Error(`${node.id} (${node.op}) on input ${shapesIn}: ${(e as Error).message}`, { cause: e })
      }
      if (!isGradEnabled()) releaseSpent(values, k, x)
    })
    return values.get(checked.output)!
  }

  function loadParameters(values: Map<string, Tensor | ArrayLike<number>>): void {
    for (const [name, v] of values) {
      const target = params.get(name) ?? buffers.get(name)
      if (!target) throw new Error(`loadParameters: the model has no parameter ${name}`)
      const n = v instanceof Tensor ? v.size : v.length
      if (n !== target.size) throw new Error(`loadParameters: ${name} holds ${target.size} values (${fmt(target.shape)}), got ${n}`)
      // a tensor is copied on the device (x + 0), values are written
      if (v instanceof Tensor) target.backend.run(unary, [v.buffer], [target.buffer], { op: 'addScalar', a: 0 })
      else target.backend.write(target.buffer, v)
    }
  }

  return {
    spec: checked,
    shapes: { ...shapes },
    inputShape,
    outputShape: shapes.output!,
    forward,
    parameters: () => new Map(params),
    buffers: () => new Map(buffers),
    loadParameters,
  }
}
