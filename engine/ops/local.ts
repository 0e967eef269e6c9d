// Unshared (locally connected) convolution, 1D and 2D: every output position p has its own kernels.
// Unfold lays the columns out position-major [P, C·K, N], so one batched matmul (batch = positions) gives
// [P, F, N]; a 1×1 fold transposes that to [N, F, ...out]. Backward runs the same steps adjoint.
import { isGradEnabled, record } from '../autograd.ts'
import { fold } from '../kernels/fold.ts'
import { matmul } from '../kernels/matmul.ts'
import { unfold, type UnfoldParams } from '../kernels/unfold.ts'
import { sizeOf } from '../kernels/strides.ts'
import { pointwise, windowGeometry } from '../kernels/window-geometry.ts'
import type { Padding } from '../graph/padding.ts'
import type { Tensor } from '../tensor.ts'
import { addBias, biasGrad, checkBias } from './conv.ts'
import { launch } from './dispatch.ts'

export interface LocalOptions {
  stride?: number[]
  padding?: Padding
}

/** x [N, C, ...in], w [...out, F, C, ...kernel], b [F, ...out] */
export function local(x: Tensor, w: Tensor, b?: Tensor, opts: LocalOptions = {}): Tensor {
  const rank = x.ndim - 2, [n, c] = x.shape
  if (rank < 1 || rank > 2 || w.ndim !== 2 * rank + 2) {
    throw new Error(`local: needs a 1D or 2D input with weight [...outSpatial, filters, channels, ...kernel], but gets input ${x.shape.join('×')} and weight ${w.shape.join('×')}`)
  }
  const kernel = w.shape.slice(rank + 2), f = w.shape[rank]
  const g = windowGeometry('local', 'kernel', x.shape, kernel, opts, 2)
  const expected = [...g.out, f, c, ...kernel]
  if (w.shape.join('×') !== expected.join('×')) throw new Error(`local: weight ${w.shape.join('×')} should be ${expected.join('×')} for the input ${x.shape.join('×')}`)
  checkBias('local', b, [f, ...g.out])
  const rows = c * sizeOf(kernel), positions = sizeOf(g.out)
  const unfoldParams: UnfoldParams = {
    window: g.window, flip: false, layout: { image: 1, row: n, pos: rows * n }, planes: n * c,
  }
  const transpose: UnfoldParams = {
    window: pointwise(f, positions), flip: false, layout: { image: 1, row: n, pos: f * n }, planes: n * f,
  }
  const cols = launch(unfold, [x], [positions, rows, n], unfoldParams)
  const z = launch(matmul, [w, cols], [positions, f, n], { batch: positions, m: f, n, k: rows })
  const y = addBias(launch(fold, [z], [n, f, ...g.out], transpose), b, [f, ...g.out])
  z.dispose()
  if (!isGradEnabled() || !(x.requiresGrad || w.requiresGrad || b?.requiresGrad)) {
    cols.dispose()
    return y
  }
  return record('local', y, b ? [x, w, b] : [x, w], (dy) => {
    const dz = launch(unfold, [dy], [positions, f, n], transpose)
    const dw = w.requiresGrad ? launch(matmul, [dz, cols], w.shape, { batch: positions, m: f, n: rows, k: n, transB: true }) : null
    let dx = null
    if (x.requiresGrad) {
      const dcols = launch(matmul, [w, dz], [positions, rows, n], { batch: positions, m: rows, n, k: f, transA: true })
      dx = launch(fold, [dcols], x.shape, unfoldParams)
      dcols.dispose()
    }
    dz.dispose()
    cols.dispose()
    return [dx, dw, biasGrad(dy, b, [f, ...g.out])]
  })
}
