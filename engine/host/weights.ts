// What leaves the host about a model's weights: snapshots (the learned filters of conv, local, tiled and
// dense layers, for the filters view) and checkpoints (every parameter and running statistic, and the
// optimizer's state, to resume from). Values are copied off the device into plain Float32Arrays.

import type { Model } from '../graph/build.ts'
import type { Optimizer, OptimizerState } from '../optim/optimizer.ts'
import type { Tensor } from '../tensor.ts'
import type { ResumeFrom, WireTensor } from './job.ts'

const FILTER_OPS = new Set(['conv', 'local', 'tiled', 'dense'])

async function wire(t: Tensor): Promise<WireTensor> {
  // a copy: device memory may be a shared buffer, which must not cross the process boundary
  return { shape: [...t.shape], data: (await t.read()).slice() }
}

/** the weights and biases of every filter-bearing layer */
export async function snapshotTensors(model: Model): Promise<{ node: string; param: string; tensor: WireTensor }[]> {
  const ops = new Map(model.spec.nodes.map(n => [n.id, n.op as string]))
  const out = []
  for (const [key, t] of model.parameters()) {
    const dot = key.lastIndexOf('.')
    const node = key.slice(0, dot)
    if (FILTER_OPS.has(ops.get(node) ?? '')) out.push({ node, param: key.slice(dot + 1), tensor: await wire(t) })
  }
  return out
}

/** everything a resume needs besides the job itself */
export async function checkpointOf(model: Model, optimizer: Optimizer, epoch: number, step: number): Promise<Omit<ResumeFrom, 'epoch' | 'step'>> {
  const weights: Record<string, WireTensor> = {}
  for (const [key, t] of [...model.parameters(), ...model.buffers()]) weights[key] = await wire(t)
  const saved = await optimizer.saveState()
  const tensors: Record<string, WireTensor> = {}
  for (const [param, slots] of Object.entries(saved.slots)) {
    for (const [slot, values] of Object.entries(slots)) tensors[`${param}/${slot}`] = { shape: [values.length], data: values }
  }
  return { state: { epoch, step, optimizer: { kind: saved.kind, options: saved.options, step: saved.step } }, weights, optimizer: tensors }
}

/** writes weights by "<node>.<param>" (a checkpoint's, or a request's) into a built model */
export function loadWeights(model: Model, weights: Record<string, { data: Float32Array }>): void {
  model.loadParameters(new Map(Object.entries(weights).map(([k, t]) => [k, t.data])))
}

/** puts a checkpoint's weights and optimizer state back into a freshly built model and optimizer */
export function restoreCheckpoint(model: Model, optimizer: Optimizer, from: ResumeFrom): void {
  loadWeights(model, from.weights)
  const meta = (from.state as { optimizer?: Omit<OptimizerState, 'slots'> } | null)?.optimizer
  if (!meta) throw new Error('the checkpoint has no optimizer state; it cannot be resumed')
  const slots: OptimizerState['slots'] = {}
  for (const [key, t] of Object.entries(from.optimizer)) {
    const cut = key.lastIndexOf('/')
    ;(slots[key.slice(0, cut)] ??= {})[key.slice(cut + 1)] = t.data
  }
  optimizer.loadState({ ...meta, slots })
}
