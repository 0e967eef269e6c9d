// Convolution, 1D/2D/3D: unfold the input into columns [N, C·K, P], then one batched matmul with the
// weights [F, C·K] broadcast over the batch. Backward: dW sums dY·colsᵀ over the batch, dcols = Wᵀ·dY
// folds back onto the input. flip (true convolution) mirrors the kernel inside unfold, at no cost; a 1×1
// kernel with stride 1 and no padding needs no unfold at all (x already is its columns).
import { isGradEnabled, record } from '../autograd.ts'
import { fold } from '../kernels/fold.ts'
import { matmul } from '../kernels/matmul.ts'
import { unfold, type UnfoldParams } from '../kernels/unfold.ts'
import { sizeOf } from '../kernels/strides.ts'
import { imageMajor, windowGeometry } from '../kernels/window-geometry.ts'
import type { Padding } from '../graph/padding.ts'
import type { Tensor } from '../tensor.ts'
import { binaryRaw } from './arith.ts'
import { launch } from './dispatch.ts'
import { sumTo } from './reduce.ts'

export interface ConvOptions {
  stride?: number[]
  padding?: Padding
  dilation?: number[]
  /** true convolution (kernel mirrored on every spatial axis); false (default) is cross-correlation */
  flip?: boolean
}

const dims = (t: Tensor) => t.shape.join('×')

/** checks that a bias has `shape` (or is absent) */
export function checkBias(op: string, b: Tensor | undefined, shape: readonly number[]): void {
  if (b && dims(b) !== shape.join('×')) throw new Error(`${op}: bias ${dims(b)} should be ${shape.join('×')}`)
}

/** y + b, with b read as `view` and broadcast over the batch */
export function addBias(y: Tensor, b: Tensor | undefined, view: readonly number[]): Tensor {
  return b ? binaryRaw('add', y, b.view(view)) : y
}
/** the bias gradient of addBias: dy summed over the batch and every axis the view broadcasts */
export const biasGrad = (dy: Tensor, b: Tensor | undefined, view: readonly number[]): Tensor | null =>
  b ? sumTo(dy, [1, ...view]).view(b.shape) : null

export function conv(x: Tensor, w: Tensor, b?: Tensor, opts: ConvOptions = {}): Tensor {
  const [n, c] = x.shape, [f, wc, ...kernel] = w.shape
  if (w.ndim !== x.ndim) throw new Error(`conv: weight ${dims(w)} should be [filters, channels, ...kernel] with ${x.ndim - 2} kernel axes for the input ${dims(x)}`)
  if (wc !== c) throw new Error(`conv: weight ${dims(w)} expects ${wc} input channels but the input ${dims(x)} has ${c}`)
  checkBias('conv', b, [f])
  const g = windowGeometry('conv', 'kernel', x.shape, kernel, opts)
  const rows = c * sizeOf(kernel), positions = sizeOf(g.out)
  const params: UnfoldParams = { window: g.window, flip: opts.flip ?? false, layout: imageMajor(g.window), planes: n * c }
  const pointwise = rows === c && g.window.stride.every((v) => v === 1) && g.pads.every(([lo, hi]) => lo === 0 && hi === 0)
  const cols = pointwise ? x.view([n, rows, positions]) : launch(unfold, [x], [n, rows, positions], params)
  const release = () => { if (!pointwise) cols.dispose() }
  const yShape = [n, f, ...g.out], biasView = [f, ...g.out.map(() => 1)]
  const y = addBias(launch(matmul, [w, cols], yShape, { batch: n, m: f, n: positions, k: rows, strideA: 0 }), b, biasView)
  if (!isGradEnabled() || !(x.requiresGrad || w.requiresGrad || b?.requiresGrad)) {
    release()
    return y
  }
  return record('conv', y, b ? [x, w, b] : [x, w], (dy) => {
    const dw = w.requiresGrad
      ? launch(matmul, [dy, cols], w.shape, { batch: n, m: f, n: rows, k: positions, transB: true, strideC: 0 })
      : null
    let dx = null
    if (x.requiresGrad) {
      const dcols = launch(matmul, [w, dy], [n, rows, positions], { batch: n, m: rows, n: positions, k: f, transA: true, strideA: 0 })
      dx = pointwise ? dcols.view(x.shape) : launch(fold, [dcols], x.shape, params)
      if (!pointwise) dcols.dispose()
    }
    release()
    return [dx, dw, biasGrad(dy, b, biasView)]
  })
}
