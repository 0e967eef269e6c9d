// The conformance cases: every primitive reached through the ops and layers that use it, forward and
// backward, on awkward sizes (odd extents, padding, stride, dilation, flip, broadcasting). A case builds
// its tensors on the current backend and returns what to compare; the runner reads them back.
import { Tensor, ops, adam, adamw, sgd } from '../../../engine/index.ts'
import { launch } from '../../../engine/ops/dispatch.ts'
import { randomFill } from '../../../engine/kernels/random-fill.ts'
import { uniformAt } from '../../../engine/random.ts'

export type Results = Record<string, Tensor>
export type Case = () => Results

let seed = 1
/** values in [lo, hi), a fresh stream per call (the same sequence on every backend's run) */
export function input(shape: number[], lo = -1, hi = 1, requiresGrad = true): Tensor {
  const n = shape.reduce((a, b) => a * b, 1), s = seed++
  return Tensor.from(Array.from({ length: n }, (_, i) => lo + (hi - lo) * uniformAt(s, i)), shape, { requiresGrad })
}
export const resetInputs = (): void => { seed = 1 }

/** y and the gradients of Σ y·r (r random) with respect to the named inputs */
function withGrads(y: Tensor, xs: Record<string, Tensor>): Results {
  y.backward(input([...y.shape], -1, 1, false))
  const out: Results = { y }
  for (const [k, x] of Object.entries(xs)) if (x.grad) out[`d${k}`] = x.grad
  return out
}

const unary = (f: (x: Tensor) => Tensor, lo = -2, hi = 2): Case => () => { const x = input([3, 5, 7], lo, hi); return withGrads(f(x), { x }) }
const binary = (f: (a: Tensor, b: Tensor) => Tensor, sa: number[], sb: number[], lo = -1, hi = 1): Case => () => {
  const a = input(sa), b = input(sb, lo, hi)
  return withGrads(f(a, b), { a, b })
}

type ConvOpts = Parameters<typeof ops.conv>[3]
const conv = (x: number[], w: number[], opts: ConvOpts, bias = true): Case => () => {
  const xs = input(x), ws = input(w), b = bias ? input([w[0]]) : undefined
  return withGrads(ops.conv(xs, ws, b, opts), b ? { x: xs, w: ws, b } : { x: xs, w: ws })
}

type PoolOpts = Parameters<typeof ops.maxPool>[1]
const pool = (kind: 'maxPool' | 'avgPool', x: number[], opts: PoolOpts): Case => () => {
  const xs = input(x)
  return withGrads(ops[kind](xs, opts), { x: xs })
}

function optimizerSteps(make: () => ReturnType<typeof sgd>): Case {
  return () => {
    const w = input([37, 11])
    const params = new Map([['w', w]])
    const opt = make()
    for (let step = 0; step < 3; step++) {
      opt.zeroGrad(params)
      ops.sum(ops.square(ops.sub(w, 0.25))).backward()
      opt.step(params)
    }
    return { w }
  }
}

export const cases: Record<string, Case> = {
  relu: unary(ops.relu),
  leakyRelu: unary((x) => ops.leakyRelu(x, 0.1)),
  sigmoid: unary(ops.sigmoid, -8, 8),
  tanh: unary(ops.tanh),
  exp: unary(ops.exp),
  log: unary(ops.log, 0.1, 4),
  sqrt: unary(ops.sqrt, 0.1, 4),
  square: unary(ops.square),
  neg: unary(ops.neg),
  'softmax axis 1': unary((x) => ops.softmax(x, 1), -5, 5),
  'add broadcast': binary(ops.add, [4, 3, 5], [3, 1]),
  'sub broadcast': binary(ops.sub, [4, 1, 5], [3, 1]),
  'mul broadcast': binary(ops.mul, [2, 3, 4, 5], [4, 1]),
  'div broadcast': binary(ops.div, [6, 7], [7], 0.5, 2),
  'sum all': unary((x) => ops.sum(x)),
  'sum axes 0,2': unary((x) => ops.sum(x, [0, 2], true)),
  'mean axis 1': unary((x) => ops.mean(x, 1)),
  'max axis 2': unary((x) => ops.max(x, 2)),
  'sum of many (workgroup tree)': () => { const x = input([3, 1000, 2]); return withGrads(ops.sum(x, 1), { x }) },
  'max of many (workgroup tree)': () => { const x = input([2, 700]); return withGrads(ops.max(x, 1), { x }) },
  argmax: () => ({ y: ops.argmax(input([5, 9, 3], -1, 1, false), 1) }),
  'matmul 65×33·33×70': binary(ops.matmul, [65, 33], [33, 70]),
  'matmul transA transB': binary((a, b) => ops.matmul(a, b, { transA: true, transB: true }), [17, 9], [20, 17]),
  'matmul batched': binary(ops.matmul, [3, 19, 130], [3, 130, 5]),
  'matmul broadcast': binary(ops.matmul, [2, 8, 16], [16, 9]),
  'matmul tiled 130×96·96×140': binary(ops.matmul, [130, 96], [96, 140]),
  'matmul tiled batched transA': binary((a, b) => ops.matmul(a, b, { transA: true }), [2, 90, 70], [2, 90, 100]),
  'matmul long sums (workgroup per output)': binary((a, b) => ops.matmul(a, b, { transB: true }), [3, 2100], [5, 2100]),
  dense: () => { const x = input([7, 30]), w = input([12, 30]), b = input([12]); return withGrads(ops.dense(x, w, b), { x, w, b }) },
  'conv1d stride 2 pad same dilation 2': conv([2, 3, 19], [4, 3, 3], { stride: [2], padding: 'same', dilation: [2] }),
  'conv2d valid': conv([2, 3, 9, 8], [5, 3, 3, 2], {}),
  'conv2d same flip': conv([2, 2, 7, 7], [3, 2, 3, 3], { padding: 'same', flip: true }),
  'conv2d stride/padding/dilation': conv([1, 3, 11, 10], [4, 3, 3, 3], { stride: [2, 3], padding: [[2, 1], [0, 3]], dilation: [2, 1] }),
  'conv2d full no bias': conv([2, 1, 5, 6], [2, 1, 2, 3], { padding: 'full' }, false),
  'conv2d 1×1': conv([2, 4, 5, 5], [3, 4, 1, 1], {}),
  'conv3d': conv([1, 2, 5, 6, 4], [3, 2, 2, 3, 2], { stride: [1, 2, 1], padding: 'same', dilation: [2, 1, 1] }),
  'conv3d flip': conv([2, 1, 4, 4, 4], [2, 1, 3, 3, 3], { flip: true, padding: 'full' }),
  'local 1d': () => {
    const x = input([3, 2, 9]), w = input([4, 5, 2, 3]), b = input([5, 4])
    return withGrads(ops.local(x, w, b, { stride: [2] }), { x, w, b })
  },
  'local 2d padded': () => {
    const x = input([2, 2, 5, 6]), w = input([5, 6, 3, 2, 3, 3]), b = input([3, 5, 6])
    return withGrads(ops.local(x, w, b, { padding: 'same' }), { x, w, b })
  },
  'tiled 2×2': () => {
    const x = input([2, 2, 6, 7]), w = input([2, 2, 3, 2, 3, 3]), b = input([3])
    return withGrads(ops.tiled(x, w, b, { tiles: 2 }), { x, w, b })
  },
  'maxPool 1d': pool('maxPool', [2, 3, 11], { window: [3], stride: [2] }),
  'maxPool 2d padded, overlapping': pool('maxPool', [2, 3, 7, 8], { window: [3, 3], stride: [2, 2], padding: [[1, 1], [1, 0]] }),
  'maxPool 3d': pool('maxPool', [1, 2, 4, 5, 6], { window: [2, 2, 2] }),
  'avgPool 2d padded': pool('avgPool', [2, 2, 7, 7], { window: [3, 3], stride: [2, 2], padding: 'same' }),
  'avgPool 3d': pool('avgPool', [1, 2, 4, 4, 6], { window: [2, 2, 3], stride: [1, 2, 3] }),
  'lpPool p=2': () => { const x = input([2, 2, 6, 6]); return withGrads(ops.lpPool(x, { window: [2, 2] }), { x }) },
  'lpPool p=3': () => { const x = input([2, 2, 6, 5], 0.1, 2); return withGrads(ops.lpPool(x, { window: [3, 2], stride: [1, 1], p: 3 }), { x }) },
  'globalAvgPool': unary((x) => ops.globalAvgPool(ops.reshape(x, [1, 3, 5, 7]))),
  'globalMaxPool': unary((x) => ops.globalMaxPool(x)),
  'channelPool max': () => { const x = input([2, 6, 3, 3]); return withGrads(ops.channelPool(x, { groupSize: 3, mode: 'max' }), { x }) },
  'channelPool avg': () => { const x = input([2, 4, 5]); return withGrads(ops.channelPool(x, { groupSize: 2, mode: 'avg' }), { x }) },
  'dropout p=0.3 seeded': unary((x) => ops.dropout(x, 0.3, { training: true, seed: 1234 })),
  'batchNorm training with running stats': () => {
    const x = input([4, 3, 5, 5]), scale = input([3], 0.5, 1.5), shift = input([3])
    const running = { mean: input([3], -1, 1, false), var: input([3], 0.5, 2, false) }
    const out = withGrads(ops.batchNorm(x, scale, shift, { training: true, running }), { x, scale, shift })
    return { ...out, runningMean: running.mean, runningVar: running.var }
  },
  'batchNorm inference': () => {
    const x = input([3, 2, 4]), scale = input([2]), shift = input([2])
    const running = { mean: input([2], -1, 1, false), var: input([2], 0.5, 2, false) }
    return withGrads(ops.batchNorm(x, scale, shift, { running }), { x, scale, shift })
  },
  'softmaxCrossEntropy': () => {
    const logits = input([9, 10], -4, 4)
    return withGrads(ops.softmaxCrossEntropy(logits, [3, 0, 9, 1, 1, 5, 7, 2, 8]), { logits })
  },
  mse: () => { const p = input([5, 6]), t = input([5, 6], -1, 1, false); return withGrads(ops.mse(p, t), { p }) },
  'concat axis 1': () => { const a = input([2, 3, 4]), b = input([2, 1, 4]); return withGrads(ops.concat([a, b], 1), { a, b }) },
  'permute': unary((x) => ops.permute(x, [2, 0, 1])),
  // keys starting with "special" may hold NaN and infinities, which must match exactly
  'NaN and infinities through max, pools and relu': () => {
    const v = [1, NaN, -Infinity, 2, Infinity, -3, NaN, 0.5, -Infinity, -Infinity, 4, -1, 0, 7, NaN, 2]
    const x = Tensor.from(v, [1, 1, 4, 4])
    return {
      specialMaxPool: ops.maxPool(x, { window: [2, 2] }), specialMax: ops.max(x, 3), specialRelu: ops.relu(x),
      specialArgmax: ops.argmax(Tensor.from([-Infinity, -Infinity, 3, 3, -1, 5], [2, 3]), 1),
    }
  },
  'random fill uniform': () => ({ y: launch(randomFill, [], [1000], { dist: 'uniform', seed: 7, a: -2, b: 3 }) }),
  'random fill normal': () => ({ y: launch(randomFill, [], [1000], { dist: 'normal', seed: 8, a: 1, b: 0.5 }) }),
  'random fill bernoulli': () => ({ y: launch(randomFill, [], [1000], { dist: 'bernoulli', seed: 9, a: 0.37 }) }),
  'sgd momentum nesterov, weight decay': optimizerSteps(() => sgd({ lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-2 })),
  'sgd plain': optimizerSteps(() => sgd({ lr: 0.1 })),
  adam: optimizerSteps(() => adam({ lr: 0.01, weightDecay: 1e-3 })),
  adamw: optimizerSteps(() => adamw({ lr: 0.01 })),
}
