// A training job as main hands it to an engine host: the graph, the hyper-parameters, the dataset
// reference, the seed, the backend and, for a resume, the checkpoint to continue from. Validated on
// arrival (a job comes from a project file, which is untrusted input); the graph and the dataset spec
// are checked again in depth by engine/graph and engine/data when the host builds them.

import { z } from 'zod'
import { checkSchedule, type ScheduleSpec } from '../optim/schedule.ts'

const whole = (min: number, max: number) => z.number().int().min(min).max(max)
const rate = z.number().positive().max(10)
const decay = z.number().min(0).max(1)

/** a float32 tensor crossing the process boundary (structured clone keeps the typed array) */
export const tensorSchema = z.object({
  shape: z.array(whole(0, 1 << 30)).max(8),
  // the engine's buffers may live on a SharedArrayBuffer, hence not z.instanceof
  data: z.custom<Float32Array>(d => d instanceof Float32Array, { message: 'expected a Float32Array' }),
}).strict().refine(t => t.shape.reduce((a, b) => a * b, 1) === t.data.length, 'shape does not match the number of values')
export type WireTensor = z.infer<typeof tensorSchema>

export const optimizerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sgd'), lr: rate, momentum: decay.optional(), nesterov: z.boolean().optional(), weightDecay: decay.optional() }).strict(),
  z.object({ kind: z.enum(['adam', 'adamw']), lr: rate, betas: z.tuple([decay, decay]).optional(),
    eps: z.number().positive().max(1).optional(), weightDecay: decay.optional() }).strict(),
])
export type OptimizerOptions = z.infer<typeof optimizerSchema>

const scheduleSchema = z.custom<ScheduleSpec>(v => typeof v === 'object' && v !== null && checkSchedule(v as ScheduleSpec) === null,
  { message: 'not a valid learning-rate schedule' })

/** the hyper-parameters a run stores and the host trains with */
export const hyperSchema = z.object({
  epochs: whole(1, 100_000),
  batchSize: whole(1, 65_536),
  optimizer: optimizerSchema,
  schedule: scheduleSchema.default({ kind: 'constant' }),
  /** extra snapshots spread over the first epoch, where filters change fastest */
  snapshotsInFirstEpoch: whole(0, 1000).default(4),
  /** steps whose losses are read back together (each step still gets its progress event); also the
   *  granularity of pause and of the first epoch's snapshots */
  reportEvery: whole(1, 10_000).default(10),
}).strict()
export type Hyper = z.output<typeof hyperSchema>
export type HyperInput = z.input<typeof hyperSchema>

/** where a resumed run starts: the latest checkpoint main recorded */
export const resumeSchema = z.object({
  step: whole(0, Number.MAX_SAFE_INTEGER),
  epoch: whole(0, 1_000_000),
  state: z.unknown(),
  weights: z.record(z.string().max(200), tensorSchema),
  optimizer: z.record(z.string().max(200), tensorSchema),
}).strict()
export type ResumeFrom = z.infer<typeof resumeSchema>

export const jobSchema = z.object({
  runId: whole(1, Number.MAX_SAFE_INTEGER),
  /** the model spec (receptive.graph/1); engine/graph validates it */
  spec: z.unknown(),
  hyper: hyperSchema,
  /** the dataset spec (receptive.dataset/1); engine/data validates it and the host loads it itself */
  dataset: z.unknown(),
  seed: z.number().int().refine(Number.isSafeInteger, 'the seed must be a safe integer'),
  backend: z.enum(['cpu', 'webgpu', 'auto']),
  resume: resumeSchema.nullable().default(null),
}).strict()
export type Job = z.output<typeof jobSchema>
export type JobInput = z.input<typeof jobSchema>
