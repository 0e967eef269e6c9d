// The messages between main and an inspection host, both directions, with their runtime schemas. Unlike a
// training host (one job, a stream of events), an inspection host answers numbered requests one by one
// for as long as main keeps it: feature maps of one input, the input maximising a channel. Each request
// carries the model (graph and weights) it is about; the host validates it as it would a training job.

import { z } from 'zod'
import { tensorSchema } from './job.ts'

export const INSPECT_PROTOCOL_VERSION = 1

const v = z.literal(INSPECT_PROTOCOL_VERSION)
const whole = (min: number, max: number) => z.number().int().min(min).max(max)
const id = whole(0, Number.MAX_SAFE_INTEGER)

/** a trained model: its graph (engine/graph validates it) and weights by "<node>.<param>" */
const modelSchema = z.object({ spec: z.unknown(), weights: z.record(z.string().max(200), tensorSchema) }).strict()

const bytes = z.custom<Uint8Array>(d => d instanceof Uint8Array, { message: 'expected a Uint8Array' })

/** what to look at: a sample of the run's dataset, or a picture the user dropped (normalised as the dataset) */
export const inputSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dataset'), dataset: z.unknown(), split: z.enum(['train', 'val', 'test']), index: whole(0, 1 << 30) }).strict(),
  z.object({ kind: z.literal('image'), dataset: z.unknown(), width: whole(1, 8192), height: whole(1, 8192), pixels: bytes }).strict(),
])
export type InputSource = z.infer<typeof inputSourceSchema>

export const maximizeOptionsSchema = z.object({
  node: z.string().max(200), channel: whole(0, 1 << 16), steps: whole(1, 2000).optional(), seed: z.number().int().optional(),
  rate: z.number().positive().max(10).optional(), jitter: whole(0, 16).optional(), decay: z.number().min(0).max(1).optional(),
}).strict()

export const inspectRequestSchema = z.discriminatedUnion('type', [
  z.object({ v, id, type: z.literal('featureMaps'), model: modelSchema, input: inputSourceSchema }).strict(),
  z.object({ v, id, type: z.literal('maximize'), model: modelSchema, options: maximizeOptionsSchema }).strict(),
])
export type InspectRequest = z.infer<typeof inspectRequestSchema>
export type InspectJobType = InspectRequest['type']

const floats = z.custom<Float32Array>(d => d instanceof Float32Array, { message: 'expected a Float32Array' })
const finite = z.union([z.number(), z.nan()])

export const featureMapsResultSchema = z.object({
  /** the sample's label, when it came from the dataset */
  label: z.string().nullable(),
  maps: z.array(z.object({ node: z.string(), op: z.string(), shape: z.array(z.number()), min: finite, max: finite, values: floats }).strict()),
}).strict()
export type FeatureMapsResult = z.infer<typeof featureMapsResultSchema>

export const maximizeResultSchema = z.object({ values: floats, shape: z.array(z.number()), activations: z.array(finite) }).strict()
export type MaximizeResult = z.infer<typeof maximizeResultSchema>

/** host → main: the answer to request `id` */
export const inspectReplySchema = z.discriminatedUnion('ok', [
  z.object({ v, id, ok: z.literal(true), result: z.unknown() }).strict(),
  z.object({ v, id, ok: z.literal(false), error: z.string().max(10_000) }).strict(),
])
export type InspectReply = z.infer<typeof inspectReplySchema>
