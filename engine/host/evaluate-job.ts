// The evaluation process: a Node child that main forks for one finished run. It loads the run's dataset
// itself, rebuilds the model from the recorded graph with the checkpoint's weights, runs the test split
// (validation when there is none) on the CPU, and sends back the tally and every sample as an 8-bit
// image for the evaluation view. The work stays out of main's event loop, as training does.

import { noGrad, setBackend, Tensor, buildModel } from '../../engine/index.ts'
import { batches } from '../../engine/data/batches.ts'
import { loadDataset } from '../../engine/data/load.ts'
import { previewSample } from '../../engine/data/preview.ts'
import { parseDatasetSpec } from '../../engine/data/spec.ts'
import { exitWithParent } from '../../engine/host/node-channel.ts'
import { EvaluationCounter } from './evaluate-results.ts'

/** what main sends: the run's graph, dataset spec and checkpoint weights by "<node>.<param>" */
export interface EvaluateJob { spec: unknown; dataset: unknown; weights: Record<string, { data: Float32Array }> }

async function run(job: EvaluateJob) {
  await setBackend('cpu')
  const data = await loadDataset(parseDatasetSpec(job.dataset))
  const [split, ds] = data.test ? ['test' as const, data.test] : ['val' as const, data.validation]
  if (!ds) throw new Error('the dataset has neither a test nor a validation split to evaluate on')
  const model = buildModel(job.spec)
  model.loadParameters(new Map(Object.entries(job.weights).map(([k, t]) => [k, t.data])))
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

exitWithParent()
process.once('message', (job) => {
  run(job as EvaluateJob).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  )
})
