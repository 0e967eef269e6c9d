// The host protocol's schemas: every message type is accepted in its documented shape, survives the
// structured clone that both transports use, and anything else is refused with a message saying what.

import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { hyperSchema, jobSchema } from '../../../engine/host/job.ts'
import { parseHostMessage, parseMainMessage, ProtocolError, PROTOCOL_VERSION } from '../../../engine/host/protocol.ts'

const envelope = { v: PROTOCOL_VERSION, seq: 1, runId: 7 }
const tensor = (shape: number[]) => ({ shape, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i / 2) })
const job = {
  runId: 7, spec: { format: 'receptive.graph/1' }, dataset: { format: 'receptive.dataset/1' }, seed: 42, backend: 'cpu',
  hyper: { epochs: 2, batchSize: 16, optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 } },
}

const hostMessages = [
  { type: 'started', backend: 'cpu', adapter: null, backendNote: 'asked for', step: 0, epoch: 0, stepsPerEpoch: 10, totalSteps: 20, samples: { train: 160, validation: 20 } },
  { type: 'progress', step: 3, epoch: 1, loss: 1.25, accuracy: 0.5, imagesPerSecond: 900, lr: 0.01 },
  { type: 'epoch', step: 10, epoch: 1, train: { loss: 1, accuracy: 0.6 }, validation: { loss: 1.1, accuracy: 0.55 }, seconds: 2.5 },
  { type: 'epoch', step: 10, epoch: 1, train: { loss: 1, accuracy: 0.6 }, validation: null, seconds: 2.5 },
  { type: 'snapshot', step: 0, epoch: 0, tensors: [{ node: 'c1', param: 'weight', tensor: tensor([2, 1, 3, 3]) }] },
  { type: 'checkpoint', step: 10, epoch: 1, state: { epoch: 1 }, weights: { 'c1.weight': tensor([2, 1, 3, 3]) }, optimizer: { 'c1.weight/momentum': tensor([18]) } },
  { type: 'paused', step: 4 }, { type: 'resumed', step: 4 }, { type: 'done', step: 20, epoch: 2 }, { type: 'stopped', step: 5, epoch: 0 },
  { type: 'failed', error: 'the dataset is gone', detail: null },
]

describe('host → main messages', () => {
  it.each(hostMessages.map(m => [m.type, m]))('accepts %s, also after a structured clone', (_type, m) => {
    const msg = { ...envelope, ...m }
    expect(parseHostMessage(msg)).toEqual(msg)
    expect(parseHostMessage(deserialize(serialize(msg)))).toEqual(msg)
  })

  it('keeps tensors as Float32Arrays and a diverged loss as NaN', () => {
    const snap = parseHostMessage(deserialize(serialize({ ...envelope, ...hostMessages[4] })))
    expect(snap.type === 'snapshot' && snap.tensors[0].tensor.data).toBeInstanceOf(Float32Array)
    const nan = parseHostMessage({ ...envelope, ...hostMessages[1], loss: NaN })
    expect(nan.type === 'progress' && Number.isNaN(nan.loss)).toBe(true)
  })

  it.each([
    ['another protocol version', { ...envelope, v: 2, type: 'paused', step: 1 }, /v/],
    ['an unknown type', { ...envelope, type: 'cheer' }, /type/],
    ['a field it does not know', { ...envelope, type: 'paused', step: 1, extra: true }, /extra/],
    ['a negative step', { ...envelope, type: 'paused', step: -1 }, /step/],
    ['a missing seq', { v: 1, runId: 7, type: 'paused', step: 1 }, /seq/],
    ['a tensor whose shape does not match its values', { ...envelope, ...hostMessages[4], tensors: [{ node: 'c1', param: 'weight', tensor: { shape: [5], data: new Float32Array(4) } }] }, /shape/],
    ['a tensor that is a plain array', { ...envelope, ...hostMessages[4], tensors: [{ node: 'c1', param: 'weight', tensor: { shape: [2], data: [1, 2] } }] }, /Float32Array/],
    ['not an object', 'done', /expected object/],
  ])('refuses %s', (_what, raw, why) => {
    expect(() => parseHostMessage(raw)).toThrow(ProtocolError)
    expect(() => parseHostMessage(raw)).toThrow(why)
  })
})

describe('main → host messages', () => {
  it('accepts a start with the hyper-parameters completed by their defaults', () => {
    const m = parseMainMessage({ v: 1, type: 'start', job })
    expect(m.type === 'start' && m.job.hyper).toEqual({ ...job.hyper, schedule: { kind: 'constant' }, snapshotsInFirstEpoch: 4, reportEvery: 10 })
    expect(m.type === 'start' && m.job.resume).toBeNull()
  })

  it.each(['pause', 'resume', 'stop'])('accepts %s', type => {
    expect(parseMainMessage({ v: 1, type })).toEqual({ v: 1, type })
  })

  it('accepts a resume checkpoint with its tensors', () => {
    const resume = { step: 10, epoch: 1, state: { any: 'json' }, weights: { 'c1.weight': tensor([3]) }, optimizer: {} }
    const m = parseMainMessage(deserialize(serialize({ v: 1, type: 'start', job: { ...job, resume } })))
    expect(m.type === 'start' && m.job.resume).toEqual(resume)
  })

  it.each([
    ['a batch size of 0', { ...job, hyper: { ...job.hyper, batchSize: 0 } }, /batchSize/],
    ['an unknown optimizer', { ...job, hyper: { ...job.hyper, optimizer: { kind: 'rmsprop', lr: 0.1 } } }, /optimizer/],
    ['a negative learning rate', { ...job, hyper: { ...job.hyper, optimizer: { kind: 'adam', lr: -1 } } }, /lr/],
    ['an invalid schedule', { ...job, hyper: { ...job.hyper, schedule: { kind: 'step', every: 0, gamma: 0.5 } } }, /schedule/],
    ['a fractional seed', { ...job, seed: 1.5 }, /seed/],
    ['an unknown backend', { ...job, backend: 'tpu' }, /backend/],
    ['a run id of 0', { ...job, runId: 0 }, /runId/],
  ])('refuses a job with %s', (_what, bad, why) => {
    expect(() => parseMainMessage({ v: 1, type: 'start', job: bad })).toThrow(why)
  })

  it('names the sender in its errors', () => {
    expect(() => parseMainMessage({ v: 1, type: 'start' })).toThrow(/invalid message from main \(start\)/)
    expect(() => parseHostMessage({ v: 1, type: 'done' })).toThrow(/invalid message from the engine host \(done\)/)
  })

  it('schemas agree with what a job stores', () => {
    expect(jobSchema.parse(job).hyper).toEqual(hyperSchema.parse(job.hyper))
  })
})
