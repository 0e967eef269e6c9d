// The dataset spec a project stores: where the data comes from, how it is read, the recorded shape
// and classes, the validation split, the normalisation and the augmentation. JSON, versioned by
// `format`, validated with a schema on the way in (a project file is untrusted input).

import { z } from 'zod'
import { FORMAT_IDS, RESIZE_POLICIES } from './format.ts'

const positive = z.number().int().positive()

const options = z.object({
  size: z.tuple([positive.max(4096), positive.max(4096)]).optional(),
  resize: z.enum(RESIZE_POLICIES).optional(),
  channels: z.union([z.literal(1), z.literal(3)]).optional(),
  maxPixels: positive.optional(),
  sampleRate: positive.max(384_000).optional(),
  length: positive.max(10_000_000).optional(),
  x: z.string().max(200).optional(),
  y: z.string().max(4096).optional(),
  layout: z.enum(['channels-first', 'channels-last', 'no-channel']).optional(),
  labelKind: z.enum(['fine', 'coarse']).optional(),
  transpose: z.boolean().optional(),
  classes: z.array(z.string().max(200)).max(100_000).optional(),
  onBad: z.enum(['skip', 'fail']).optional(),
  inMemoryLimit: positive.optional(),
}).strict()

const augmentation = z.object({
  crop: z.object({ padding: z.number().int().min(0).max(64) }).strict().optional(),
  translate: z.object({ max: z.number().int().min(0).max(64) }).strict().optional(),
  flip: z.object({ p: z.number().min(0).max(1) }).strict().optional(),
  noise: z.object({ std: z.number().min(0).max(10) }).strict().optional(),
}).strict()

export const datasetSpecSchema = z.object({
  format: z.literal('receptive.dataset/1'),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('builtin'), id: z.string().max(100), seed: z.number().int().optional(), count: positive.max(1_000_000).optional() }).strict(),
    z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096),
      format: z.enum(FORMAT_IDS).optional() }).strict(),
  ]),
  options: options.default({}),
  /** recorded at import; a later open that disagrees is an error (the data changed under the project) */
  inputShape: z.array(positive).min(2).max(4).optional(),
  classes: z.array(z.string().max(200)).max(100_000).optional(),
  split: z.object({ validation: z.number().min(0).max(0.9), seed: z.number().int() }).strict().default({ validation: 0.1, seed: 0 }),
  normalization: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('none') }).strict(),
    /** mean and std per channel, computed on the training split at import when absent */
    z.object({ mode: z.literal('standardize'), mean: z.array(z.number()).optional(), std: z.array(z.number().min(0)).optional() }).strict(),
  ]).default({ mode: 'standardize' }),
  augmentation: augmentation.default({}),
  /** seed of the augmentation's random draws */
  augmentationSeed: z.number().int().default(0),
}).strict()

export type DatasetSpec = z.output<typeof datasetSpecSchema>
export type DatasetSpecInput = z.input<typeof datasetSpecSchema>

/** validates and completes a spec; the error lists every problem with its path */
export function parseDatasetSpec(json: unknown): DatasetSpec {
  const r = datasetSpecSchema.safeParse(json)
  if (!r.success) throw new Error(`invalid dataset spec:\n${z.prettifyError(r.error)}`)
  return r.data
}

/** a spec for a built-in set or a path, with the defaults */
export const specFor = (source: string, isBuiltin: boolean): DatasetSpec =>
  parseDatasetSpec({ format: 'receptive.dataset/1', source: isBuiltin ? { kind: 'builtin', id: source } : { kind: 'path', path: source } })
