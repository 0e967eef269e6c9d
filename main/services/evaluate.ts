// Evaluation of a finished run (the dashboard's confusion matrix, misclassified examples and per-class
// accuracy): computed once per checkpoint in a forked evaluation process (evaluate-entry.ts), then kept in
// the project's artifacts table, so reopening the project shows it at once. Sample images come from the
// same artifact.

import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RunEvaluation, SampleImages } from '../../preload/contract.ts'
import type { ProjectStore } from '../store/index.ts'
import type { EvaluateJob } from './evaluate-entry.ts'

const KIND = 'evaluation'

interface Stored { evaluation: RunEvaluation; imageShape: number[] }

/** runs one evaluation in a child process; resolves with its result */
export type EvaluateProcess = (job: EvaluateJob) => Promise<Omit<RunEvaluation, 'loss'> & { loss: number; imageShape: number[]; images: Uint8Array }>

/** the evaluation entry forked from the source tree through tsx (browser mode, the CLI, tests) */
export const forkEvaluation: EvaluateProcess = (job) => new Promise((done, fail) => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = fork(resolve(import.meta.dirname, 'evaluate-entry.ts'), [], {
    execArgv: ['--import', tsx], serialization: 'advanced', stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)))
  let answered = false
  child.once('message', (m) => {
    answered = true
    const reply = m as { ok: true; result: Awaited<ReturnType<EvaluateProcess>> } | { ok: false; error: string }
    if (reply.ok) done(reply.result)
    else fail(new Error(`the evaluation failed: ${reply.error}`))
  })
  child.once('close', (code, signal) => {
    if (!answered) fail(new Error(`the evaluation process ended (${signal ?? `code ${code}`}) without a result${stderr ? `: ${stderr.trim()}` : ''}`))
  })
  child.send(job)
})

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
