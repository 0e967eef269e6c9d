// Specs the export tests run: one node of every kind with the padding, stride, dilation and rank
// variants that change how it is written out, and one graph that uses every kind at once.
import { FORMAT, type ModelSpec } from '../../../engine/graph/index.ts'

const single = (input: number[], node: Record<string, unknown>): ModelSpec =>
  ({ format: FORMAT, nodes: [{ id: 'in', op: 'input', shape: input }, { id: 'n', inputs: ['in'], ...node }], output: 'n' }) as ModelSpec

/** a node after a ReLU: Lp pooling with an odd or fractional p is defined on non-negative inputs only */
const afterRelu = (input: number[], node: Record<string, unknown>): ModelSpec => ({
  format: FORMAT, output: 'n',
  nodes: [{ id: 'in', op: 'input', shape: input }, { id: 'r', op: 'relu', inputs: ['in'] }, { id: 'n', inputs: ['r'], ...node }],
}) as ModelSpec

export const singleNode: [string, ModelSpec][] = [
  ['conv 1D stride, full padding', single([2, 9], { op: 'conv', filters: 3, kernel: [3], stride: [2], padding: 'full' })],
  ['conv 2D same padding, dilation', single([2, 7, 6], { op: 'conv', filters: 3, kernel: [3, 2], stride: [2, 1], padding: 'same', dilation: [1, 2] })],
  ['conv 3D flipped, explicit padding, no bias', single([1, 4, 5, 3], { op: 'conv', filters: 2, kernel: [2, 3, 1], padding: [[1, 0], [1, 1], [0, 0]], flip: true, bias: false })],
  ['conv 2D flipped', single([2, 6, 6], { op: 'conv', filters: 2, kernel: [3, 2], flip: true })],
  ['unshared 1D, stride', single([2, 8], { op: 'local', filters: 3, kernel: [3], stride: [2] })],
  ['unshared 2D, same padding', single([2, 6, 5], { op: 'local', filters: 2, kernel: [3, 2], padding: 'same' })],
  ['tiled 2×2', single([2, 7, 6], { op: 'tiled', filters: 3, kernel: [3, 3], tiles: 2 })],
  ['tiled 3×3, stride, padding, no bias', single([1, 9, 8], { op: 'tiled', filters: 2, kernel: [2, 2], tiles: 3, stride: [2, 1], padding: 'same', bias: false })],
  ['maxpool 1D', single([2, 9], { op: 'maxpool', window: [3], stride: [2] })],
  ['maxpool 2D same padding', single([2, 7, 6], { op: 'maxpool', window: [2, 2], padding: 'same' })],
  ['avgpool 3D same padding', single([2, 5, 5, 4], { op: 'avgpool', window: [2, 2, 2], padding: 'same' })],
  ['lppool 2D p = 2', single([2, 6, 6], { op: 'lppool', window: [3, 3], stride: [2, 2] })],
  ['lppool 1D p = 3, padding', afterRelu([2, 9], { op: 'lppool', window: [2], p: 3, padding: [[1, 1]] })],
  ['lppool 2D p = 1.5', afterRelu([2, 6, 6], { op: 'lppool', window: [2, 2], p: 1.5 })],
  ['globalavgpool 2D', single([3, 5, 4], { op: 'globalavgpool' })],
  ['globalmaxpool 1D', single([3, 5], { op: 'globalmaxpool' })],
  ['channelpool max 2D', single([6, 4, 3], { op: 'channelpool', groupSize: 3 })],
  ['channelpool avg 1D', single([4, 5], { op: 'channelpool', groupSize: 2, mode: 'avg' })],
  ['channelpool max flat', single([8], { op: 'channelpool', groupSize: 4 })],
  ['dense', single([5], { op: 'dense', units: 3 })],
  ['dense no bias', single([5], { op: 'dense', units: 4, bias: false })],
  ['flatten 3D', single([2, 3, 2, 2], { op: 'flatten' })],
  ['relu', single([2, 4], { op: 'relu' })],
  ['leaky relu', single([2, 4], { op: 'leakyrelu', slope: 0.2 })],
  ['sigmoid', single([2, 4], { op: 'sigmoid' })],
  ['tanh', single([2, 4], { op: 'tanh' })],
  ['softmax over channels', single([3, 2, 2], { op: 'softmax' })],
  ['dropout alone (identity)', single([2, 4], { op: 'dropout', rate: 0.3 })],
  ['batchnorm 2D', single([3, 4, 4], { op: 'batchnorm', eps: 1e-3 })],
  ['batchnorm flat', single([6], { op: 'batchnorm' })],
]

/** conv → batchnorm → relu, a residual add, an unshared and a tiled branch joined by concat, pools, dense, softmax */
export const EVERY_KIND: ModelSpec = {
  format: FORMAT,
  output: 'sm',
  nodes: [
    { id: 'in', op: 'input', shape: [2, 12, 12] },
    { id: 'c1', op: 'conv', inputs: ['in'], filters: 4, kernel: [3, 3], padding: 'same' },
    { id: 'bn', op: 'batchnorm', inputs: ['c1'] },
    { id: 'r1', op: 'relu', inputs: ['bn'] },
    { id: 'c2', op: 'conv', inputs: ['r1'], filters: 4, kernel: [3, 3], padding: 'same', flip: true },
    { id: 'res', op: 'add', inputs: ['r1', 'c2'] },
    { id: 'lc', op: 'local', inputs: ['res'], filters: 2, kernel: [3, 3], padding: 'same' },
    { id: 'tc', op: 'tiled', inputs: ['res'], filters: 2, kernel: [3, 3], tiles: 2, padding: 'same' },
    { id: 'cat', op: 'concat', inputs: ['lc', 'tc', 'res'] },
    { id: 'lk', op: 'leakyrelu', inputs: ['cat'] },
    { id: 'mx', op: 'channelpool', inputs: ['lk'], groupSize: 2 },
    { id: 'mp', op: 'maxpool', inputs: ['mx'], window: [2, 2] },
    { id: 'ap', op: 'avgpool', inputs: ['mp'], window: [2, 2], stride: [1, 1], padding: 'same' },
    { id: 'lp', op: 'lppool', inputs: ['ap'], window: [2, 2] },
    { id: 'th', op: 'tanh', inputs: ['lp'] },
    { id: 'gm', op: 'globalmaxpool', inputs: ['th'] },
    { id: 'ga', op: 'globalavgpool', inputs: ['th'] },
    { id: 'both', op: 'add', inputs: ['gm', 'ga', 'gm'] },
    { id: 'sg', op: 'sigmoid', inputs: ['both'] },
    { id: 'fl', op: 'flatten', inputs: ['mp'] },
    { id: 'd1', op: 'dense', inputs: ['fl'], units: 8 },
    { id: 'dr', op: 'dropout', inputs: ['d1'] },
    { id: 'j', op: 'concat', inputs: ['dr', 'sg'] },
    { id: 'out', op: 'dense', inputs: ['j'], units: 5 },
    { id: 'sm', op: 'softmax', inputs: ['out'] },
  ],
} as ModelSpec

/** node ids that are no Python identifiers, Python keywords, or names model.py itself uses */
export const ODD_NAMES: ModelSpec = {
  format: FORMAT,
  output: 'F',
  nodes: [
    { id: 'x', op: 'input', shape: [1, 6, 6] },
    { id: 'class', op: 'conv', inputs: ['x'], filters: 2, kernel: [3, 3], flip: true },
    { id: '2d-conv', op: 'relu', inputs: ['class'] },
    { id: '2d_conv', op: 'flatten', inputs: ['2d-conv'] },
    { id: 'self', op: 'dense', inputs: ['2d_conv'], units: 4 },
    { id: 'lambda', op: 'tanh', inputs: ['self'] },
    { id: 'F', op: 'dense', inputs: ['lambda'], units: 3 },
  ],
} as ModelSpec
