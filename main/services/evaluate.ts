// Evaluation of a finished run (the dashboard's confusion matrix, misclassified examples and per-class
// accuracy): computed once per checkpoint by an engine host running its evaluation job
// (engine/host/evaluate-job.ts), then kept in
// the project's artifacts table, so reopening the project shows it at once. Sample images come from the
// same artifact.

import type { EvaluateJob, EvaluateReply } from '../../engine/host/evaluate-job.ts'
import type { RunEvaluation, SampleImages } from '../../preload/contract.ts'
import type { ProjectStore } from '../store/index.ts'
import { endedWith, type SpawnHost } from './runs/engine-host.ts'
import { forkSpawner, sourceHostOptions } from './runs/fork-host.ts'

const KIND = 'evaluation'

interface Stored { evaluation: RunEvaluation; imageShape: number[] }

/** runs one evaluation in an engine host; resolves with its result */
export type EvaluateProcess = (job: EvaluateJob) => Promise<Omit<RunEvaluation, 'loss'> & { loss: number; imageShape: number[]; images: Uint8Array }>

/** evaluations in hosts started by `spawn` (a fork, or a utility process under Electron) */
export function evaluationFrom(spawn: SpawnHost<EvaluateJob>): EvaluateProcess {
  return (job) => new Promise((done, fail) => {
    const host = spawn(0)
    let answered = false
    host.onMessage((m) => {
      if (answered) return
      answered = true
      const reply = m as EvaluateReply
      if (reply.ok) done(reply.result)
      else fail(new Error(`the evaluation failed: ${reply.error}`))
    })
    host.onExit((exit) => {
      if (!answered) fail(new Error(`the evaluation process ${endedWith(exit, ' without a result')}`))
    })
    host.send(job)
  })
}

/** the engine host forked from the source tree through tsx (browser mode, the CLI, tests) */
export const forkEvaluation: EvaluateProcess = (job) => evaluationFrom(forkSpawner<EvaluateJob>(sourceHostOptions(), 'evaluate'))(job)

export class EvaluationService {
  private readonly inFlight = new Map<string, Promise<Stored>>()

  constructor(private readonly currentStore: () => ProjectStore, private readonly evaluate: EvaluateProcess = forkEvaluation) {}

  /** the run's evaluation at its latest checkpoint, computed on first request */
  async run(runId: number): Promise<RunEvaluation> {
    return (await this.stored(runId)).evaluation
  }

  /** images of the evaluated split by sample index (evaluating first if needed) */
  async samples(runId: number, indices: number[]): Promise<SampleImages> {
    const { imageShape } = await this.stored(runId)
    const { store, key } = this.latest(runId)
    const data = store.artifacts.get(runId, KIND, key)?.data
    if (!data || imageShape.length === 0) return { shape: imageShape, images: [] }
    const size = imageShape.reduce((a, b) => a * b, 1)
    return {
      shape: imageShape,
      images: indices.map((i) => {
        if (i * size >= data.length) throw new Error(`run ${runId} has no sample ${i}`)
        return Buffer.from(data.buffer, data.byteOffset + i * size, size).toString('base64')
      }),
    }
  }

  private latest(runId: number) {
    const store = this.currentStore()
    const run = store.runs.get(runId)
    if (!run) throw new Error(`there is no run ${runId}`)
    const cp = store.checkpoints.latest(runId)
    if (!cp) throw new Error(`run ${runId} has no checkpoint yet: it is evaluated after its first epoch`)
    return { store, run, cp, key: `step-${cp.step}` }
  }

  private stored(runId: number): Promise<Stored> {
    const { store, run, cp, key } = this.latest(runId)
    const cached = store.artifacts.get(runId, KIND, key)?.json as Stored | null | undefined
    if (cached) return Promise.resolve(cached)
    const flight = `${store.path}#${runId}#${key}`
    let pending = this.inFlight.get(flight)
    if (!pending) {
      pending = this.evaluate({ spec: run.spec, dataset: run.dataset, weights: cp.weights }).then(({ images, imageShape, ...evaluation }) => {
        // a diverged model's NaN loss crosses JSON as null
        const value: Stored = { evaluation: { ...evaluation, loss: Number.isFinite(evaluation.loss) ? evaluation.loss : null }, imageShape }
        // the project may have changed while it ran: store it only where it belongs
        if (this.currentStore() === store) store.artifacts.put(runId, KIND, key, { json: value, data: images })
        return value
      }).finally(() => this.inFlight.delete(flight))
      this.inFlight.set(flight, pending)
    }
    return pending
  }
}
