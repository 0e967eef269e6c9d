// Host-side classification metrics: argmax per row (first on ties), correct counts, confusion matrix.
import { describe, expect, it } from 'vitest'
import { addToConfusion, countCorrect, emptyConfusion, predictions } from '../../../engine/train/metrics.ts'

describe('metrics', () => {
  it('predictions take the largest logit per row, the first one on ties', () => {
    const logits = [0.1, 2, -1, /**/ 5, 5, 1, /**/ -3, -2, -1, /**/ 0, 0, 0]
    expect([...predictions(logits, 4, 3)]).toEqual([1, 0, 2, 0])
  })

  it('counts correct predictions and fills confusion[truth][predicted]', () => {
    const predicted = Int32Array.from([1, 0, 2, 0, 2])
    const labels = [1, 1, 2, 0, 0]
    expect(countCorrect(predicted, labels)).toBe(3)
    const confusion = emptyConfusion(3)
    addToConfusion(confusion, predicted, labels)
    addToConfusion(confusion, Int32Array.from([1]), [1])
    expect(confusion).toEqual([[1, 0, 1], [1, 2, 0], [0, 0, 1]])
  })
})
