// What the evaluation view derives from a run's evaluation: per-class accuracy, the samples in one
// confusion-matrix cell, and the misclassified samples the model was most sure about.

import type { RunEvaluation } from '../../preload/contract.ts'

export interface ClassAccuracy { name: string; correct: number; count: number; accuracy: number | null }

export function perClassAccuracy(e: RunEvaluation): ClassAccuracy[] {
  return e.classes.map((name, k) => {
    const row = e.confusion[k] ?? []
    const count = row.reduce((a, b) => a + b, 0)
    const correct = row[k] ?? 0
    return { name, correct, count, accuracy: count ? correct / count : null }
  })
}

/** indices of the samples of class `truth` predicted as `predicted`, most confident first */
export function cellSamples(e: RunEvaluation, truth: number, predicted: number, limit = 60): number[] {
  const out: number[] = []
  e.labels.forEach((l, i) => { if (l === truth && e.predicted[i] === predicted) out.push(i) })
  return out.sort((a, b) => e.confidence[b] - e.confidence[a] || a - b).slice(0, limit)
}

/** the misclassified samples with the highest confidence in their wrong class */
export function confidentMistakes(e: RunEvaluation, limit = 24): number[] {
  const wrong: number[] = []
  e.labels.forEach((l, i) => { if (l !== e.predicted[i]) wrong.push(i) })
  return wrong.sort((a, b) => e.confidence[b] - e.confidence[a] || a - b).slice(0, limit)
}

/** the largest off-diagonal count, to scale the matrix's colours (the diagonal has its own scale) */
export function maxOffDiagonal(confusion: number[][]): number {
  let max = 0
  confusion.forEach((row, t) => row.forEach((n, p) => { if (t !== p && n > max) max = n }))
  return max
}
