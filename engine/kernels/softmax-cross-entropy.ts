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
  // a GPU thread cannot throw: a label out of range gives that row a NaN loss
  wgsl: ({ n, classes }) => ({
    inputs: ['logits', 'labels'], outputs: ['loss', 'probs'], invocations: n,
    body: `let o = i * ${classes}u; let label = labels[i];
var m = neg_inf();
for (var c = 0u; c < ${classes}u; c++) { m = max(m, logits[o + c]); }
var z = 0.0;
for (var c = 0u; c < ${classes}u; c++) { z += exp(logits[o + c] - m); }
for (var c = 0u; c < ${classes}u; c++) { probs[o + c] = exp(logits[o + c] - m) / z; }
if (label >= 0 && label < ${classes}) { loss[i] = log(z) + m - logits[o + u32(label)]; } else { loss[i] = nan(); }`,
  }),
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
  wgsl: ({ n, classes }) => ({
    inputs: ['probs', 'labels', 'scale'], outputs: ['dlogits'], invocations: n * classes,
    body: `let r = i / ${classes}u; let s = scale[r];
dlogits[i] = s * probs[i] - select(0.0, s, labels[r] == i32(i % ${classes}u));`,
  }),
})
