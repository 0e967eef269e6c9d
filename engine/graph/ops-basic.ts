// Rows of the op table for everything that does not slide a window: the input, dense and flatten,
// activations, dropout, batch norm, and the joins (add, concat).

import { bool, int, ints, num } from './fields.ts'
import { ShapeError, fmt, size, type OpDef, type Shape } from './op-def.ts'
import type {
  ActivationNode, AddNode, BatchNormNode, ConcatNode, DenseNode, DropoutNode, FlattenNode, InputNode,
  LeakyReluNode, SoftmaxNode,
} from './spec.ts'

const one = { min: 1, max: 1 }

export const input: OpDef<InputNode> = {
  title: 'Input',
  summary: 'one image (channels × spatial size) or one vector of features',
  inputs: { min: 0, max: 0 },
  fields: { shape: ints(1, true, 4) },
  shape: (node) => [...node.shape],
  flops: () => 0,
}

export const dense: OpDef<DenseNode> = {
  title: 'Dense',
  summary: 'every output unit is connected to every input value (fully connected)',
  inputs: one,
  fields: { units: int(1, true), bias: bool },
  shape: (node, [x]) => {
    if (x.length !== 1) throw new ShapeError(`needs a flat input, but the input is ${fmt(x)}; add a Flatten before it`)
    return [node.units]
  },
  params: (node, [x]) => ({
    weight: { shape: [node.units, x[0]], trainable: true, init: 'weight', fanIn: x[0], fanOut: node.units },
    ...(node.bias === false ? {} : { bias: { shape: [node.units], trainable: true, init: 'zeros' as const } }),
  }),
  flops: (node, [x]) => node.units * (2 * x[0] + (node.bias === false ? 0 : 1)),
}

export const flatten: OpDef<FlattenNode> = {
  title: 'Flatten',
  summary: 'lays all values out in one vector (channel by channel, row by row)',
  inputs: one,
  fields: {},
  shape: (_, [x]) => [size(x)],
  flops: () => 0,
}

/** elementwise, same shape out; cost per value */
const pointwise = <N extends ActivationNode | LeakyReluNode | SoftmaxNode | DropoutNode>(
  title: string, summary: string, fields: OpDef['fields'], perValue: number,
): OpDef<N> => ({
  title, summary, inputs: one, fields,
  shape: (_, [x]) => [...x],
  flops: (_, [x]) => perValue * size(x),
})

export const relu = pointwise<ActivationNode>('ReLU', 'keeps positive values, sets negative ones to zero', {}, 1)
export const leakyrelu = pointwise<LeakyReluNode>('Leaky ReLU', 'keeps positive values, scales negative ones by a small slope', { slope: num(0, 1) }, 1)
export const sigmoid = pointwise<ActivationNode>('Sigmoid', 'squashes each value into (0, 1)', {}, 3)
export const tanh = pointwise<ActivationNode>('Tanh', 'squashes each value into (−1, 1)', {}, 3)
export const softmax = pointwise<SoftmaxNode>('Softmax', 'turns the channel values into probabilities that sum to 1', {}, 3)
// dropout is the identity at inference, so it costs nothing there
export const dropout = pointwise<DropoutNode>('Dropout', 'while training, zeroes random values (rate) so units cannot rely on each other', { rate: num(0, 1, { openMax: true }) }, 0)

export const batchnorm: OpDef<BatchNormNode> = {
  title: 'Batch norm',
  summary: 'normalises each channel to zero mean and unit variance over the batch, then scales and shifts it',
  inputs: one,
  fields: { eps: num(0, 1, { openMin: true }), momentum: num(0, 1) },
  shape: (_, [x]) => [...x],
  params: (_, [x]) => ({
    scale: { shape: [x[0]], trainable: true, init: 'ones' },
    shift: { shape: [x[0]], trainable: true, init: 'zeros' },
    runningMean: { shape: [x[0]], trainable: false, init: 'zeros' },
    runningVar: { shape: [x[0]], trainable: false, init: 'ones' },
  }),
  // at inference it folds into one multiply-add per value
  flops: (_, [x]) => 2 * size(x),
}

const many = { min: 2, max: 64 }

export const add: OpDef<AddNode> = {
  title: 'Add',
  summary: 'adds its inputs value by value (a residual connection); shapes must match',
  inputs: many,
  fields: {},
  shape: (_, xs) => {
    const other = xs.find((x) => fmt(x) !== fmt(xs[0]))
    if (other) throw new ShapeError(`inputs ${fmt(xs[0])} and ${fmt(other)} differ; add needs equal shapes`)
    return [...xs[0]]
  },
  flops: (_, xs) => (xs.length - 1) * size(xs[0]),
}

export const concat: OpDef<ConcatNode> = {
  title: 'Concat',
  summary: 'stacks its inputs along the channel axis; spatial sizes must match',
  inputs: many,
  fields: {},
  shape: (_, xs) => {
    const rest = (x: Shape) => fmt(x.slice(1))
    const other = xs.find((x) => x.length !== xs[0].length || rest(x) !== rest(xs[0]))
    if (other) {
      throw new ShapeError(`inputs ${fmt(xs[0])} and ${fmt(other)} differ in size beyond the channels; concat needs equal spatial sizes`)
    }
    return [xs.reduce((c, x) => c + x[0], 0), ...xs[0].slice(1)]
  },
  flops: () => 0,
}
