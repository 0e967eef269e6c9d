// Tiled convolution (2D): t×t kernel sets take turns, output position (i, j) using set (i mod t, j mod t).
// The weights are gathered into one kernel per position, then it is an unshared convolution; the
// gather's backward scatter-adds every position's gradient back onto the set it came from.
import { record } from '../autograd.ts'
import { gather, scatterAdd } from '../kernels/gather.ts'
import { windowGeometry } from '../kernels/window-geometry.ts'
import type { Padding } from '../graph/padding.ts'
import { Tensor } from '../tensor.ts'
import { addBias, biasGrad, checkBias } from './conv.ts'
import { launch } from './dispatch.ts'
import { local } from './local.ts'

export interface TiledOptions {
  tiles: number
  stride?: number[]
  padding?: Padding
}

/** x [N, C, H, W], w [t, t, F, C, kh, kw], b [F] */
export function tiled(x: Tensor, w: Tensor, b?: Tensor, opts: TiledOptions = { tiles: 1 }): Tensor {
  const t = opts.tiles
  const [wt, wt2, f, wc, ...kernel] = w.shape
  if (x.ndim !== 4 || w.ndim !== 6 || wt !== t || wt2 !== t || wc !== x.shape[1]) {
    throw new Error(`tiled: needs a 2D input [N, C, H, W] and weight [${t}, ${t}, filters, C, kh, kw], but gets input ${x.shape.join('×')} and weight ${w.shape.join('×')}`)
  }
  checkBias('tiled', b, [f])
  const g = windowGeometry('tiled', 'kernel', x.shape, kernel, opts, 2)
  const [oh, ow] = g.out, block = w.size / (t * t)
  const set = new Int32Array(oh * ow)
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) set[i * ow + j] = (i % t) * t + (j % t)
  const index = Tensor.fromInt(set, [oh * ow])
  const perPosition = record('tiled', launch(gather, [w, index], [oh, ow, f, wc, ...kernel], { block }), [w], (dw) => [
    launch(scatterAdd, [dw, index], w.shape, { block }),
  ])
  const y = local(x, perPosition, undefined, opts)
  if (!b) return y
  const view = [f, 1, 1]
  return record('tiled', addBias(y, b, view), [y, b], (dy) => [dy, biasGrad(dy, b, view)])
}
