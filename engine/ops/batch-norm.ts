// Batch normalisation over the batch and spatial positions of each channel of x [N, C, ...spatial]
// (1D/2D/3D; [N, C] too). Training normalises with the batch mean and biased variance and updates
// `running` in place as PyTorch does (momentum-weighted, unbiased variance); inference uses `running`.
// Composed from differentiable ops, so its backward is theirs.
import { noGrad } from '../autograd.ts'
import { unary } from '../kernels/elementwise.ts'
import { fmtShape, type Tensor } from '../tensor.ts'
import { add, div, mul, sub } from './arith.ts'
import { sqrt, square } from './math.ts'
import { mean } from './reduce.ts'
import { reshape } from './shape.ts'

export interface RunningStats { mean: Tensor; var: Tensor }

export interface BatchNormOptions {
  training?: boolean
  eps?: number
  momentum?: number
  running?: RunningStats
}

/** overwrites dst's buffer with src's values, so holders of dst see the update */
function assign(dst: Tensor, src: Tensor): void {
  dst.backend.run(unary, [src.buffer], [dst.buffer], { op: 'copy' })
}

export function batchNorm(x: Tensor, scale: Tensor, shift: Tensor, opts: BatchNormOptions = {}): Tensor {
  const { training = false, eps = 1e-5, momentum = 0.1, running } = opts
  const c = x.shape[1]
  if (x.ndim < 2 || x.ndim > 5) throw new Error(`batchNorm: input ${fmtShape(x.shape)} is not [N, C] or [N, C, ...spatial] with 1 to 3 spatial axes`)
  for (const [name, t] of [['scale', scale], ['shift', shift], ['running mean', running?.mean], ['running var', running?.var]] as const) {
    if (t && (t.ndim !== 1 || t.shape[0] !== c)) throw new Error(`batchNorm: ${name} ${fmtShape(t.shape)} does not match ${c} channels of input ${fmtShape(x.shape)}`)
  }
  const perChannel = x.shape.map((d, i) => (i === 1 ? d : 1))
  const axes = x.shape.map((_, i) => i).filter((i) => i !== 1)
  const gamma = reshape(scale, perChannel), beta = reshape(shift, perChannel)
  if (!training) {
    if (!running) throw new Error('batchNorm: inference needs running statistics')
    const centred = sub(x, running.mean.view(perChannel))
    return add(mul(centred, div(gamma, sqrt(add(running.var.view(perChannel), eps)))), beta)
  }
  const n = x.size / c
  if (n < 2) throw new Error(`batchNorm: training needs more than one value per channel, input is ${fmtShape(x.shape)}`)
  const mu = mean(x, axes, true)
  const centred = sub(x, mu)
  const variance = mean(square(centred), axes, true)
  const y = add(mul(div(centred, sqrt(add(variance, eps))), gamma), beta)
  if (running) {
    noGrad(() => {
      assign(running.mean, add(mul(running.mean, 1 - momentum), mul(mu.view([c]), momentum)))
      assign(running.var, add(mul(running.var, 1 - momentum), mul(variance.view([c]), (momentum * n) / (n - 1))))
    })
  }
  return y
}
