// The messages between main and an engine host, both directions, with their runtime schemas. Every
// message carries the protocol version; host events also carry the run and a sequence number, so main can
// tell a stale or foreign message from a real one. Each side validates what it receives
// (RELIABILITY.md D3): a host is a separate process and main must survive whatever it sends.

import { z } from 'zod'
import { jobSchema, tensorSchema } from './job.ts'

export const PROTOCOL_VERSION = 1

const v = z.literal(PROTOCOL_VERSION)
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
/** NaN is a legitimate loss (a diverged run); structured clone keeps it */
const value = z.union([z.number(), z.nan()])
const split = z.object({ loss: value, accuracy: value }).strict()

/** main → host */
export const mainMessageSchema = z.discriminatedUnion('type', [
  /** the one job this host runs; it exits when the job ends */
  z.object({ v, type: z.literal('start'), job: jobSchema }).strict(),
  /** hold after the current group of steps (the process stays, the weights stay in memory) */
  z.object({ v, type: z.literal('pause') }).strict(),
  z.object({ v, type: z.literal('resume') }).strict(),
  /** end after the current group of steps; a resume continues from the last epoch's checkpoint */
  z.object({ v, type: z.literal('stop') }).strict(),
])
export type MainMessage = z.output<typeof mainMessageSchema>
export type MainMessageInput = z.input<typeof mainMessageSchema>

const snapshotTensor = z.object({ node: z.string().max(200), param: z.string().max(200), tensor: tensorSchema }).strict()

const events = {
  /** the job was accepted: what the host trains on and where it starts */
  started: {
    backend: z.enum(['cpu', 'webgpu']), adapter: z.string().nullable(), backendNote: z.string(),
    step: count, epoch: count, stepsPerEpoch: count, totalSteps: count,
    samples: z.object({ train: count, validation: count }).strict(),
  },
  /** one optimizer step: the last batch's loss and accuracy, and the throughput since the previous event */
  progress: { step: count, epoch: count, loss: value, accuracy: value, imagesPerSecond: value, lr: value },
  /** a finished epoch: the training average and, when the dataset has one, the validation split */
  epoch: { step: count, epoch: count, train: split, validation: split.nullable(), seconds: value },
  /** learned weights of the conv, local, tiled and dense layers at this step */
  snapshot: { step: count, epoch: count, tensors: z.array(snapshotTensor) },
  /** everything needed to continue from this step */
  checkpoint: {
    step: count, epoch: count, state: z.unknown(),
    weights: z.record(z.string().max(200), tensorSchema), optimizer: z.record(z.string().max(200), tensorSchema),
  },
  paused: { step: count },
  resumed: { step: count },
  /** the last epoch ended */
  done: { step: count, epoch: count },
  /** a stop message was honoured */
  stopped: { step: count, epoch: count },
  /** the job could not run or broke; `error` is for the user, `detail` (a stack) for a bug report */
  failed: { error: z.string().max(10_000), detail: z.string().max(100_000).nullable() },
} as const

type EventName = keyof typeof events
const envelope = { v, seq: count, runId: count }
const variant = <K extends EventName>(type: K) => z.object({ ...envelope, type: z.literal(type), ...events[type] }).strict()

/** host → main */
export const hostMessageSchema = z.discriminatedUnion('type', [
  variant('started'), variant('progress'), variant('epoch'), variant('snapshot'), variant('checkpoint'),
  variant('paused'), variant('resumed'), variant('done'), variant('stopped'), variant('failed'),
])
export type HostMessage = z.output<typeof hostMessageSchema>
type WithoutEnvelope<M> = M extends unknown ? Omit<M, 'v' | 'seq' | 'runId'> : never
/** a host event without its envelope, as the job code emits it */
export type HostEvent = WithoutEnvelope<HostMessage>

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtocolError'
  }
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, from: string): z.output<S> {
  const r = schema.safeParse(raw)
  if (r.success) return r.data
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? ` (${String((raw as { type: unknown }).type).slice(0, 40)})` : ''
  throw new ProtocolError(`invalid message from ${from}${type}: ${z.prettifyError(r.error)}`)
}

/** checks a message main received from a host; throws a ProtocolError saying what is wrong */
export const parseHostMessage = (raw: unknown): HostMessage => parse(hostMessageSchema, raw, 'the engine host')

/** checks a message a host received from main; throws a ProtocolError saying what is wrong */
export const parseMainMessage = (raw: unknown): MainMessage => parse(mainMessageSchema, raw, 'main')
