// The evaluation job of an engine host, for one finished run. It loads the run's dataset itself,
// rebuilds the model from the recorded graph with the checkpoint's weights, runs the test split
// (validation when there is none) on the CPU, and answers once with the tally and every sample as an
// 8-bit image for the evaluation view. The work stays out of main's event loop, as training does.

import { setBackend } from '../backend/select.ts'
import { batches } from '../data/batches.ts'
import { loadDataset } from '../data/load.ts'
import { previewSample } from '../data/preview.ts'
import { parseDatasetSpec } from '../data/spec.ts'
import { buildModel } from '../graph/build.ts'
import { noGrad } from '../autograd.ts'
import { Tensor } from '../tensor.ts'
import type { HostChannel } from './host-session.ts'
import { EvaluationCounter, type EvaluationTally } from './evaluate-results.ts'
import { loadWeights } from './weights.ts'

/** what main sends: the run's graph, dataset spec and checkpoint weights by "<node>.<param>" */
export interface EvaluateJob { spec: unknown; dataset: unknown; weights: Record<string, { data: Float32Array }> }

async function run(job: EvaluateJob): Promise<EvaluateResult> {
  await setBackend('cpu')
  const data = await loadDataset(parseDatasetSpec(job.dataset))
  const [split, ds] = data.test ? ['test' as const, data.test] : ['val' as const, data.validation]
  if (!ds) throw new Error('the dataset has neither a test nor a validation split to evaluate on')
  const model = buildModel(job.spec)
  loadWeights(model, job.weights)
  const counter = new EvaluationCounter(model.outputShape[0])
  for (const batch of batches(ds, { batchSize: 256 })) {
    const x = Tensor.from(batch.x, [batch.count, ...model.inputShape])
    const logits = noGrad(() => model.forward(x))
    counter.add(await logits.read(), batch.labels)
    x.dispose()
    logits.dispose()
  }
  // every sample as an image, packed back to back (a 1D dataset has none)
  const first = previewSample(ds, 0)
  let imageShape: number[] = []
  let images = new Uint8Array(0)
  if (first.kind === 'image') {
    imageShape = [first.height, first.width, first.channels]
    const size = first.pixels.length
    images = new Uint8Array(size * ds.length)
    for (let i = 0; i < ds.length; i++) {
      const s = previewSample(ds, i)
      if (s.kind === 'image') images.set(s.pixels, i * size)
    }
  }
  return { split, classes: [...ds.classes], ...counter.result(), imageShape, images }
}

export type EvaluateResult = EvaluationTally & { split: 'test' | 'val'; classes: string[]; imageShape: number[]; images: Uint8Array }
/** the one answer of an evaluation host */
export type EvaluateReply = { ok: true; result: EvaluateResult } | { ok: false; error: string }

/** waits for the job, evaluates it and answers; resolves with the process exit code */
export function serveEvaluation(channel: HostChannel<EvaluateReply>): Promise<number> {
  return new Promise(resolve => {
    let started = false
    channel.onMessage((job) => {
      if (started) return
      started = true
      run(job as EvaluateJob).then(
        (result) => channel.send({ ok: true, result }).then(() => resolve(0)),
        (err: unknown) => channel.send({ ok: false, error: err instanceof Error ? err.message : String(err) }).then(() => resolve(1)),
      ).catch(() => resolve(1))
    })
  })
}
