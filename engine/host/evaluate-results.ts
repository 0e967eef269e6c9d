// Turns a model's logits on every sample of a split into what the evaluation view shows: the confusion
// matrix, the predicted class and its softmax probability per sample, the mean cross-entropy and the
// accuracy. Plain arrays in, plain JSON out, so the evaluation process and its test share one path.

import { addToConfusion, countCorrect, emptyConfusion, predictions } from '../train/metrics.ts'

export interface EvaluationTally {
  accuracy: number
  /** mean cross-entropy; NaN when a logit was not finite */
  loss: number
  confusion: number[][]
  labels: number[]
  predicted: number[]
  confidence: number[]
}

/** accumulates batches of logits ([rows, classes], row-major) with their labels */
export class EvaluationCounter {
  private readonly confusion: number[][]
  private readonly labels: number[] = []
  private readonly predicted: number[] = []
  private readonly confidence: number[] = []
  private lossSum = 0
  private correct = 0

  constructor(private readonly classes: number) {
    this.confusion = emptyConfusion(classes)
  }

  add(logits: ArrayLike<number>, labels: ArrayLike<number>): void {
    const k = this.classes
    const predicted = predictions(logits, labels.length, k)
    addToConfusion(this.confusion, predicted, labels)
    this.correct += countCorrect(predicted, labels)
    predicted.forEach((best, r) => {
      // softmax with the largest logit subtracted, so exp never overflows
      const top = logits[r * k + best]
      let sum = 0
      for (let c = 0; c < k; c++) sum += Math.exp(logits[r * k + c] - top)
      const label = labels[r]
      this.lossSum += Math.log(sum) - (logits[r * k + label] - top)
      this.labels.push(label)
      this.predicted.push(best)
      this.confidence.push(1 / sum)
    })
  }

  result(): EvaluationTally {
    const n = this.labels.length
    if (n === 0) throw new Error('the split to evaluate has no samples')
    return { accuracy: this.correct / n, loss: this.lossSum / n, confusion: this.confusion, labels: this.labels,
      predicted: this.predicted, confidence: this.confidence }
  }
}
