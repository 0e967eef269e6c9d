// evaluate(): a model's mean loss, accuracy and confusion matrix on a dataset, in inference mode (no
// tape, dropout off, batch norm on running statistics). Logits and losses are read back once per batch.

import { noGrad } from '../autograd.ts'
import type { Dataset } from '../data/dataset.ts'
import { batches } from '../data/batches.ts'
import type { Model } from '../graph/build.ts'
import { ops } from '../ops/index.ts'
import { Tensor } from '../tensor.ts'
import { addToConfusion, countCorrect, emptyConfusion, predictions } from './metrics.ts'

export interface Evaluation {
  loss: number
  accuracy: number
  /** confusion[truth][predicted] sample counts */
  confusion: number[][]
  samples: number
}

export interface EvaluateOptions {
  batchSize?: number
  normalize?: { mean: readonly number[]; std: readonly number[] }
}

export async function evaluate(model: Model, data: Dataset, { batchSize = 256, normalize }: EvaluateOptions = {}): Promise<Evaluation> {
  const classes = model.outputShape[0]
  const confusion = emptyConfusion(classes)
  let lossSum = 0
  let correct = 0
  let samples = 0
  for (const batch of batches(data, { batchSize, normalize })) {
    const x = Tensor.from(batch.x, [batch.count, ...model.inputShape])
    const [logits, loss] = noGrad(() => {
      const out = model.forward(x)
      return [out, ops.softmaxCrossEntropy(out, batch.labels)]
    })
    const [l, values] = await Promise.all([loss.read(), logits.read()])
    for (const t of [x, logits, loss]) t.dispose()
    const predicted = predictions(values, batch.count, classes)
    lossSum += l[0] * batch.count
    correct += countCorrect(predicted, batch.labels)
    addToConfusion(confusion, predicted, batch.labels)
    samples += batch.count
  }
  if (samples === 0) throw new Error(`evaluate: ${data.name} has no samples`)
  return { loss: lossSum / samples, accuracy: correct / samples, confusion, samples }
}
