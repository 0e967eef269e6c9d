// Looking inside a run (issue 8): its learned filters at any snapshot, every layer's output for one input
// with receptive fields, and the input that maximises a channel. Filters are a rearrangement of stored
// snapshots, done here; anything that runs the model goes to an inspection host (engine/host/inspect-*),
// a process started like a training host (a fork, or a utility process under Electron) and kept while in use. Results for the run's last checkpoint are cached in the project's
// artifacts table, so a reopened project shows them at once.

import { inferShapes } from '../../engine/graph/infer.ts'
import type { ModelSpec } from '../../engine/graph/spec.ts'
import { InspectClient, type InspectProcess } from '../../engine/host/inspect-client.ts'
import { featureMapsResultSchema, maximizeResultSchema, type InputSource, type InspectRequest } from '../../engine/host/inspect-protocol.ts'
import { filterSet } from '../../engine/inspect/filter-sets.ts'
import { receptiveField } from '../../engine/inspect/receptive-field.ts'
import type { FeatureMapsWire, FilterSetWire, InspectInput, InspectSnapshots, MaximizeWire } from '../../preload/contract.ts'
import type { ProjectStore } from '../store/index.ts'
import { endedWith, type SpawnHost } from './runs/engine-host.ts'
import { forkSpawner, sourceHostOptions } from './runs/fork-host.ts'

const b64 = (f: Float32Array) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64')
const finite = (v: number) => (Number.isFinite(v) ? v : null)

/** an inspection host started the way training hosts are (a fork, or a utility process under Electron) */
export function inspectorFrom(spawn: SpawnHost<InspectRequest>): () => InspectProcess {
  return () => {
    const host = spawn(0)
    return {
      send: (msg) => host.send(msg),
      onMessage: (listener) => host.onMessage(listener),
      onExit: (listener) => host.onExit((exit) => listener(endedWith(exit))),
      kill: () => host.kill(),
    }
  }
}

/** an engine host running the inspection job, from the source tree through tsx (browser mode, the CLI, tests) */
export const forkInspector = (): InspectProcess => inspectorFrom(forkSpawner<InspectRequest>(sourceHostOptions(), 'inspect'))()

export interface MaximizeRequest { node: string; channel: number; steps?: number; seed?: number }

export class InspectService {
  private readonly client: InspectClient

  constructor(private readonly currentStore: () => ProjectStore, spawn: () => InspectProcess = forkInspector) {
    this.client = new InspectClient(spawn)
  }

  /** lets the inspection host go (app shutdown) */
  close(): void {
    this.client.close()
  }

  snapshots(runId: number): InspectSnapshots {
    const { store, spec } = this.run(runId)
    const infos = store.snapshots.list(runId)
    const steps = new Map<number, number>()
    const nodes = new Map<string, number[]>()
    for (const s of infos) {
      steps.set(s.step, s.epoch)
      if (s.param === 'weight') nodes.set(s.node, s.shape)
    }
    const ops = new Map(spec.nodes.map((n) => [n.id, n.op as string]))
    return {
      steps: [...steps].sort((a, b) => a[0] - b[0]).map(([step, epoch]) => ({ step, epoch })),
      nodes: spec.nodes.filter((n) => nodes.has(n.id)).map((n) => ({ node: n.id, op: ops.get(n.id)!, shape: nodes.get(n.id)! })),
    }
  }

  filters(runId: number, step: number, node?: string, position?: number[]): FilterSetWire[] {
    const { store, spec } = this.run(runId)
    const report = inferShapes(spec)
    const weights = store.snapshots.list(runId).filter((s) => s.step === step && s.param === 'weight' && (node === undefined || s.node === node))
    if (weights.length === 0) throw new Error(`run ${runId} has no ${node ? `snapshot of ${node}` : 'snapshot'} at step ${step}`)
    const order = spec.nodes.map((n) => n.id)
    weights.sort((a, b) => order.indexOf(a.node) - order.indexOf(b.node))
    return weights.map((info) => {
      const snap = store.snapshots.get(info.id)!
      const set = filterSet(spec, report, info.node, snap, { position: info.node === node ? position : undefined })
      return { ...set, groups: set.groups.map(({ values, ...g }) => ({ ...g, values: b64(values) })) }
    })
  }

  async featureMaps(runId: number, input: InspectInput): Promise<FeatureMapsWire> {
    const { store, run, spec, cp } = this.checkpointed(runId)
    const key = input.kind === 'sample' ? `step-${cp.step}/${input.split}-${input.index}` : null
    const cached = key ? (store.artifacts.get(runId, 'feature-maps', key)?.json as FeatureMapsWire | undefined) : undefined
    if (cached) return cached
    const source: InputSource = input.kind === 'sample'
      ? { kind: 'dataset', dataset: run.dataset, split: input.split, index: input.index }
      : { kind: 'image', dataset: run.dataset, width: input.width, height: input.height, pixels: imageBytes(input) }
    const raw = await this.client.request({ type: 'featureMaps', model: { spec, weights: cp.weights }, input: source })
    const { label, maps } = featureMapsResultSchema.parse(raw)
    const report = inferShapes(spec)
    const wire: FeatureMapsWire = {
      step: cp.step, label,
      maps: maps.map((m) => ({ ...m, min: finite(m.min), max: finite(m.max), values: b64(m.values), field: fieldTable(spec, report, m.node, m.shape) })),
    }
    if (key && this.currentStore() === store) store.artifacts.put(runId, 'feature-maps', key, { json: wire })
    return wire
  }

  async maximize(runId: number, req: MaximizeRequest): Promise<MaximizeWire> {
    const { store, spec, cp } = this.checkpointed(runId)
    const steps = req.steps ?? 64
    const seed = req.seed ?? 0
    const key = `step-${cp.step}/${req.node}/${req.channel}/${steps}/${seed}`
    const cached = store.artifacts.get(runId, 'maximize', key)?.json as MaximizeWire | undefined
    if (cached) return cached
    const raw = await this.client.request({ type: 'maximize', model: { spec, weights: cp.weights }, options: { node: req.node, channel: req.channel, steps, seed } })
    const r = maximizeResultSchema.parse(raw)
    const wire: MaximizeWire = { step: cp.step, shape: r.shape, values: b64(r.values), activations: r.activations.map(finite) }
    if (this.currentStore() === store) store.artifacts.put(runId, 'maximize', key, { json: wire })
    return wire
  }

  private run(runId: number) {
    const store = this.currentStore()
    const run = store.runs.get(runId)
    if (!run) throw new Error(`there is no run ${runId}`)
    return { store, run, spec: run.spec as ModelSpec }
  }

  private checkpointed(runId: number) {
    const r = this.run(runId)
    const cp = r.store.checkpoints.latest(runId)
    if (!cp) throw new Error(`run ${runId} has no checkpoint yet: its layers can be inspected after its first epoch`)
    return { ...r, cp }
  }
}

function imageBytes(input: Extract<InspectInput, { kind: 'image' }>): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(input.rgba, 'base64'))
  if (bytes.length !== input.width * input.height * 4) throw new Error(`the image has ${bytes.length} bytes, not ${input.width}×${input.height} RGBA pixels`)
  return bytes
}

/** receptive fields are separable: per axis, the input interval each position along it sees */
function fieldTable(spec: ModelSpec, report: ReturnType<typeof inferShapes>, node: string, shape: number[]): [number, number][][] {
  const spatial = shape.slice(1)
  if (spatial.length === 0) return []
  return spatial.map((n, axis) => Array.from({ length: n }, (_, i) => {
    const at = spatial.map((_, a) => (a === axis ? i : 0))
    return receptiveField(spec, report, node, at)[axis]
  }))
}
