// Fused softmax + cross-entropy over rows of [n, classes] logits with int32 labels. Forward gives each
// row's loss and its probabilities (kept for the backward); shifting by the row maximum keeps exp finite
// for logits of any size. Backward: dlogits = scale · (p − onehot(label)), scale read from a 1-element buffer.
import { defineKernel } from './kernel.ts'

export interface SoftmaxCeParams { n: number; classes: number }

const checkLabel = (label: number, classes: number, row: number) => {
  if (!(label >= 0 && label < classes)) throw new Error(`softmaxCrossEntropy: label ${label} of row ${row} is not in 0..${classes - 1}`)
}

export const softmaxCrossEntropy = defineKernel<SoftmaxCeParams>({
  name: 'softmaxCrossEntropy',
  cpu([logits, labels], [loss, probs], { n, classes }) {
    for (let r = 0; r < n; r++) {
      const o = r * classes
      checkLabel(labels[r], classes, r)
      let m = -Infinity
      for (let c = 0; c < classes; c++) if (logits[o + c] > m) m = logits[o + c]
      let z = 0
      for (let c = 0; c < classes; c++) z += Math.exp(logits[o + c] - m)
      for (let c = 0; c < classes; c++) probs[o + c] = Math.exp(logits[o + c] - m) / z
      loss[r] = Math.log(z) + m - logits[o + labels[r]]
    }
  },
})

/** inputs: probs [n, classes], labels [n], scale [n] (per row: upstream grad / batch) → dlogits */
export const softmaxCrossEntropyGrad = defineKernel<SoftmaxCeParams>({
  name: 'softmaxCrossEntropyGrad',
  cpu([probs, labels, scale], [dlogits], { n, classes }) {
    for (let r = 0; r < n; r++) {
      const o = r * classes, s = scale[r]
      for (let c = 0; c < classes; c++) dlogits[o + c] = s * probs[o + c]
      dlogits[o + labels[r]] -= s
    }
  },
})
