// Pooling ops: max, average and Lp over spatial windows (1D/2D/3D) and the global pools. Each is one pool
// kernel forward and one pool-grad kernel backward; stride defaults to the window, as in PyTorch.
// The kernels see only plane geometry, so a global pool is a window as large as the input.
import { record } from '../autograd.ts'
import { pool, poolGrad, type PoolMode, type PoolParams } from '../kernels/pool.ts'
import { windowGeometry } from '../kernels/window-geometry.ts'
import type { Padding } from '../graph/padding.ts'
import { Tensor } from '../tensor.ts'
import { launch, launchMany } from './dispatch.ts'

export interface PoolOptions {
  window: number[]
  stride?: number[]
  padding?: Padding
}

export interface LpPoolOptions extends PoolOptions {
  /** the norm's exponent, 2 by default */
  p?: number
}

/**
 * Pools x read as `view` (same values, [N, C, ...spatial]) and returns the result with shape `outShape`
 * (undefined: [N, C, ...pooled]); dx comes back in x's own shape.
 */
export function poolAs(op: string, mode: PoolMode, x: Tensor, view: readonly number[], opts: PoolOptions, p = 2, outShape?: number[]): Tensor {
  const g = windowGeometry(op, 'window', view, opts.window, { stride: opts.stride ?? opts.window, padding: opts.padding })
  const axis = g.pads.findIndex(([lo, hi], i) => Math.max(lo, hi) * 2 > opts.window[i])
  if (axis >= 0) throw new Error(`${op}: padding ${JSON.stringify(g.pads[axis])} is more than half the ${opts.window.join('×')} window; some windows would see only padding`)
  if (!(p > 0)) throw new Error(`${op}: p must be positive, got ${p}`)
  const params: PoolParams = { window: g.window, mode, p, planes: view[0] * view[1] }
  const shape = outShape ?? [view[0], view[1], ...g.out]
  const outs = mode === 'max' ? [{ shape }, { shape, dtype: 'i32' as const }] : [{ shape }]
  const [y, argmax] = launchMany(pool, [x], outs, params)
  return record(op, y, [x], (dy) => {
    const saved = mode === 'max' ? [dy, argmax] : mode === 'avg' ? [dy] : [dy, x, y]
    return [launch(poolGrad, saved, x.shape, params)]
  })
}

export const maxPool = (x: Tensor, opts: PoolOptions): Tensor => poolAs('maxPool', 'max', x, x.shape, opts)
export const avgPool = (x: Tensor, opts: PoolOptions): Tensor => poolAs('avgPool', 'avg', x, x.shape, opts)
export const lpPool = (x: Tensor, opts: LpPoolOptions): Tensor => poolAs('lpPool', 'lp', x, x.shape, opts, opts.p ?? 2)

/** one value per channel: [N, C, ...spatial] → [N, C] */
const globalPool = (op: string, mode: PoolMode) => (x: Tensor): Tensor =>
  poolAs(op, mode, x, x.shape, { window: x.shape.slice(2) }, 2, x.shape.slice(0, 2))

export const globalAvgPool = globalPool('globalAvgPool', 'avg')
export const globalMaxPool = globalPool('globalMaxPool', 'max')
