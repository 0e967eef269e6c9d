// Reductions: sum, mean and max over all axes or the given ones (negative axes count from the end),
// and sumTo, which folds a broadcast gradient back onto the shape it was broadcast from.
import { record } from '../autograd.ts'
import { argmax as argmaxKernel, reduce } from '../kernels/reduce.ts'
import { binary } from '../kernels/elementwise.ts'
import { sizeOf, stridesIn } from '../kernels/strides.ts'
import { fmtShape, Tensor } from '../tensor.ts'
import { launch } from './dispatch.ts'
import { binaryRaw, mul } from './arith.ts'

export type Axes = number | number[] | undefined

function normAxes(name: string, x: Tensor, axes: Axes): number[] {
  const list = axes === undefined ? x.shape.map((_, i) => i) : typeof axes === 'number' ? [axes] : axes
  const norm = list.map((a) => (a < 0 ? a + x.ndim : a))
  for (const a of norm) if (!(a >= 0 && a < x.ndim)) throw new Error(`${name}: axis ${a} is out of range for shape ${fmtShape(x.shape)}`)
  return [...new Set(norm)].sort((p, q) => p - q)
}

const keptShape = (shape: readonly number[], axes: number[]) => shape.map((d, i) => (axes.includes(i) ? 1 : d))
const droppedShape = (shape: readonly number[], axes: number[]) => shape.filter((_, i) => !axes.includes(i))

/** forward of sum or max over sorted axes, no tape (also used by softmax's forward) */
export function reduceRaw(op: 'sum' | 'max', x: Tensor, axes: number[], keepDims: boolean): Tensor {
  const kept = keptShape(x.shape, axes)
  const out = launch(reduce, [x], kept, { op, inShape: [...x.shape], axes })
  return keepDims ? out : out.view(droppedShape(x.shape, axes))
}

export function sum(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  const ax = normAxes('sum', x, axes)
  const out = reduceRaw('sum', x, ax, keepDims)
  return record('sum', out, [x], (g) => [expandTo(g.view(keptShape(x.shape, ax)), x.shape)])
}

export function mean(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  const ax = normAxes('mean', x, axes)
  const n = sizeOf(ax.map((a) => x.shape[a]))
  return mul(sum(x, ax, keepDims), 1 / n)
}

/** maximum over axes; the gradient is shared equally among tied maxima (as torch.amax) */
export function max(x: Tensor, axes?: Axes, keepDims = false): Tensor {
  const ax = normAxes('max', x, axes)
  const out = reduceRaw('max', x, ax, keepDims)
  return record('max', out, [x], (g) => {
    const kept = keptShape(x.shape, ax)
    const hit = binaryRaw('eq', x, out.view(kept))
    const ties = reduceRaw('sum', hit, ax, true)
    return [binaryRaw('mul', hit, binaryRaw('div', g.view(kept), ties))]
  })
}

/** index of the largest value along one axis (int32, axis dropped); not differentiable */
export function argmax(x: Tensor, axis = -1): Tensor {
  const [a] = normAxes('argmax', x, axis)
  const outer = sizeOf(x.shape.slice(0, a)), inner = sizeOf(x.shape.slice(a + 1))
  return launch(argmaxKernel, [x], droppedShape(x.shape, [a]), { outer, n: x.shape[a], inner }, 'i32')
}

/** g broadcast to a larger shape (no tape; for backward closures): g + 0 walked in the output's index space */
function expandTo(g: Tensor, shape: readonly number[]): Tensor {
  if (g.size === sizeOf(shape)) return g.view(shape)
  const zero = Tensor.zeros([], { backend: g.backend })
  return launch(binary, [g, zero], shape, { op: 'add', outShape: [...shape], strideX: stridesIn(g.shape, shape), strideY: shape.map(() => 0) })
}

/** sums g over the axes that broadcasting added or stretched, giving a tensor of `shape` */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (g.size === sizeOf(shape) && g.ndim === shape.length) return g
  const lead = g.ndim - shape.length
  const axes = g.shape.map((_, i) => i).filter((i) => i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1))
  return sum(g, axes, true).view(shape)
}
