// Classification metrics from logits read back to the host: predicted classes, correct counts and the
// confusion matrix. The train loop and evaluate() read logits in groups, so these run on plain arrays.

/** index of the largest logit of each row of a [rows, classes] array (first one on ties) */
export function predictions(logits: ArrayLike<number>, rows: number, classes: number): Int32Array {
  const out = new Int32Array(rows)
  for (let r = 0; r < rows; r++) {
    let best = 0
    for (let c = 1; c < classes; c++) if (logits[r * classes + c] > logits[r * classes + best]) best = c
    out[r] = best
  }
  return out
}

export const countCorrect = (predicted: Int32Array, labels: ArrayLike<number>): number =>
  predicted.reduce((n, p, i) => n + (p === labels[i] ? 1 : 0), 0)

/** confusion[truth][predicted] counts, accumulated in place */
export function addToConfusion(confusion: number[][], predicted: Int32Array, labels: ArrayLike<number>): void {
  predicted.forEach((p, i) => { confusion[labels[i]][p]++ })
}

export const emptyConfusion = (classes: number): number[][] =>
  Array.from({ length: classes }, () => new Array<number>(classes).fill(0))
