// Losses, both reduced to a scalar mean: softmax cross-entropy over class logits [N, C] with integer
// labels (one fused primitive, stable for any logits) and mean squared error.
import { record } from '../autograd.ts'
import { softmaxCrossEntropy as ceKernel, softmaxCrossEntropyGrad } from '../kernels/softmax-cross-entropy.ts'
import { fmtShape, Tensor } from '../tensor.ts'
import { sub } from './arith.ts'
import { launch, launchMany } from './dispatch.ts'
import { square } from './math.ts'
import { mean } from './reduce.ts'

export function softmaxCrossEntropy(logits: Tensor, labels: Int32Array | number[] | Tensor): Tensor {
  if (logits.ndim !== 2) throw new Error(`softmaxCrossEntropy: logits ${fmtShape(logits.shape)} are not [N, classes]`)
  const [n, classes] = logits.shape
  const count = labels instanceof Tensor ? labels.size : labels.length
  if (count !== n) throw new Error(`softmaxCrossEntropy: ${count} labels for logits ${fmtShape(logits.shape)}`)
  if (!(labels instanceof Tensor)) {
    const bad = Array.from(labels).findIndex((l) => !(Number.isInteger(l) && l >= 0 && l < classes))
    if (bad >= 0) throw new Error(`softmaxCrossEntropy: label ${labels[bad]} of row ${bad} is not in 0..${classes - 1}`)
  }
  const y = labels instanceof Tensor ? labels : Tensor.fromInt(labels, [n], logits.backend)
  if (y.dtype !== 'i32') throw new Error('softmaxCrossEntropy: labels must be int32')
  const [rows, probs] = launchMany(ceKernel, [logits, y], [{ shape: [n] }, { shape: [n, classes] }], { n, classes })
  const perRow = record('softmaxCrossEntropy', rows, [logits], (g) => [launch(softmaxCrossEntropyGrad, [probs, y, g], logits.shape, { n, classes })])
  return mean(perRow)
}

export function mse(pred: Tensor, target: Tensor): Tensor {
  if (pred.shape.length !== target.shape.length || pred.shape.some((d, i) => d !== target.shape[i])) {
    throw new Error(`mse: prediction ${fmtShape(pred.shape)} and target ${fmtShape(target.shape)} differ`)
  }
  return mean(square(sub(pred, target)))
}
