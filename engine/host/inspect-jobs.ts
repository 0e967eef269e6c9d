// The inspection job of an engine host: it answers main's numbered requests one at a time, in order, until
// main lets it go, one handler per request type, each rebuilding the model from the request's graph and
// weights. Datasets are loaded by the host itself (main only names them) and the last one is kept, since a
// user steps through samples of the same run. A request that fails to parse or to run gets an error reply.

import { loadDataset, type LoadedDataset } from '../data/load.ts'
import { parseDatasetSpec } from '../data/spec.ts'
import { setBackend } from '../backend/select.ts'
import { buildModel, type Model } from '../graph/build.ts'
import { size } from '../graph/op-def.ts'
import { featureMaps } from '../inspect/feature-maps.ts'
import { imageToSample } from '../inspect/image-input.ts'
import { maximize } from '../inspect/maximize.ts'
import type { HostChannel } from './host-session.ts'
import { loadWeights } from './weights.ts'
import {
  INSPECT_PROTOCOL_VERSION, inspectRequestSchema,
  type FeatureMapsResult, type InputSource, type InspectJobType, type InspectReply, type InspectRequest, type MaximizeResult,
} from './inspect-protocol.ts'

type Request<T extends InspectJobType> = Extract<InspectRequest, { type: T }>

function modelOf({ spec, weights }: InspectRequest['model']): Model {
  const model = buildModel(spec)
  loadWeights(model, weights)
  return model
}

let lastDataset: { key: string; data: Promise<LoadedDataset> } | null = null

function datasetOf(spec: unknown): Promise<LoadedDataset> {
  const key = JSON.stringify(spec)
  if (lastDataset?.key !== key) {
    const data = loadDataset(parseDatasetSpec(spec))
    data.catch(() => (lastDataset = null))
    lastDataset = { key, data }
  }
  return lastDataset.data
}

async function sampleOf(model: Model, input: InputSource): Promise<{ values: Float32Array; label: string | null }> {
  const data = await datasetOf(input.dataset)
  if (input.kind === 'image') {
    const n = data.spec.normalization
    const norm = n.mode === 'standardize' && n.mean && n.std ? { mean: n.mean, std: n.std } : null
    return { values: imageToSample({ width: input.width, height: input.height, pixels: input.pixels }, model.inputShape, norm), label: null }
  }
  const split = { train: data.train, val: data.validation, test: data.test }[input.split]
  if (!split) throw new Error(`the dataset has no ${input.split} split`)
  if (input.index >= split.length) throw new Error(`the ${input.split} split has ${split.length} samples; there is no sample ${input.index}`)
  const values = new Float32Array(size(split.inputShape))
  split.read(input.index, values, 0)
  return { values, label: split.classes[split.label(input.index)] ?? null }
}

const INSPECT_JOBS: { [T in InspectJobType]: (req: Request<T>) => Promise<unknown> } = {
  featureMaps: async (req): Promise<FeatureMapsResult> => {
    const model = modelOf(req.model)
    const { values, label } = await sampleOf(model, req.input)
    return { label, maps: await featureMaps(model, values) }
  },
  maximize: (req): Promise<MaximizeResult> => maximize(modelOf(req.model), req.options),
}

/** runs one request through the table */
function runInspectJob(req: InspectRequest): Promise<unknown> {
  return (INSPECT_JOBS[req.type] as (r: InspectRequest) => Promise<unknown>)(req)
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 10_000)

/** answers requests for as long as the host lives (main ends it); never resolves */
export async function serveInspection(channel: HostChannel<InspectReply>): Promise<number> {
  await setBackend('cpu')
  let queue = Promise.resolve()
  channel.onMessage((raw) => {
    const id = typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as { id?: unknown }).id) ? (raw as { id: number }).id : 0
    queue = queue.then(async () => {
      const parsed = inspectRequestSchema.safeParse(raw)
      const reply: InspectReply = parsed.success
        ? await runInspectJob(parsed.data).then(
          (result) => ({ v: INSPECT_PROTOCOL_VERSION, id, ok: true as const, result }),
          (err: unknown) => ({ v: INSPECT_PROTOCOL_VERSION, id, ok: false as const, error: reason(err) }))
        : { v: INSPECT_PROTOCOL_VERSION, id, ok: false, error: `invalid inspection request: ${parsed.error.message}` }
      await channel.send(reply)
    })
  })
  return new Promise<number>(() => {})
}
