// Shape inference for every op: output shapes, parameter shapes and counts, FLOPs, and the errors a learner sees.
import { describe, expect, it } from 'vitest'
import { FORMAT, OP_NAMES, fullyConnectedCost, inferShapes, type NodeInfo } from '../../../engine/graph/index.ts'

/** infers one node `n` of the given fields applied to inputs of the given shapes */
function one(inputShapes: number[][], node: Record<string, unknown>) {
  const nodes: object[] = [{ id: 'in', op: 'input', shape: inputShapes[0] }]
  // extra inputs of the wanted shape: a 1×1 conv of `in` (same spatial size), or a dense layer for flat shapes
  inputShapes.slice(1).forEach((s, i) => nodes.push(s.length === 1
    ? { id: `x${i}`, op: 'dense', inputs: ['in'], units: s[0] }
    : { id: `x${i}`, op: 'conv', inputs: ['in'], filters: s[0], kernel: s.slice(1).map(() => 1) }))
  const inputs = ['in', ...inputShapes.slice(1).map((_, i) => `x${i}`)]
  nodes.push({ id: 'n', inputs, ...node })
  const report = inferShapes({ format: FORMAT, nodes, output: 'n' })
  return { report, info: report.nodes.n as NodeInfo, error: report.issues.find((i) => i.node === 'n')?.message }
}
const shapeOf = (inputs: number[][], node: Record<string, unknown>) => one(inputs, node).info.shape
const errorOf = (inputs: number[][], node: Record<string, unknown>) => one(inputs, node).error

describe('inferShapes: convolutions', () => {
  it('conv: each padding mode, stride, dilation, 1D/2D/3D', () => {
    const conv = { op: 'conv', filters: 4, kernel: [3, 5] }
    expect(shapeOf([[2, 10, 11]], conv)).toEqual([4, 8, 7])
    expect(shapeOf([[2, 10, 11]], { ...conv, padding: 'same' })).toEqual([4, 10, 11])
    expect(shapeOf([[2, 10, 11]], { ...conv, padding: 'full' })).toEqual([4, 12, 15])
    expect(shapeOf([[2, 10, 11]], { ...conv, padding: [[1, 0], [2, 2]] })).toEqual([4, 9, 11])
    // same with stride: ceil(input / stride)
    expect(shapeOf([[2, 10, 11]], { ...conv, padding: 'same', stride: [3, 2] })).toEqual([4, 4, 6])
    // valid, stride 2, dilation 2: extent 5 and 9 → floor((10-5)/2)+1, floor((11-9)/2)+1
    expect(shapeOf([[2, 10, 11]], { ...conv, stride: [2, 2], dilation: [2, 2] })).toEqual([4, 3, 2])
    expect(shapeOf([[1, 100]], { op: 'conv', filters: 8, kernel: [9], stride: [3] })).toEqual([8, 31])
    expect(shapeOf([[1, 6, 7, 8]], { op: 'conv', filters: 2, kernel: [3, 3, 3] })).toEqual([2, 4, 5, 6])
  })

  it('conv: parameter shapes, fan-in/out, counts, FLOPs and pads', () => {
    const { info } = one([[3, 8, 8]], { op: 'conv', filters: 5, kernel: [3, 3], padding: 'same' })
    expect(info.paramShapes.weight).toMatchObject({ shape: [5, 3, 3, 3], fanIn: 27, fanOut: 45, trainable: true })
    expect(info.paramShapes.bias.shape).toEqual([5])
    expect(info.params).toBe(5 * 27 + 5)
    // 5×8×8 outputs, each 27 multiply-adds plus its bias
    expect(info.flops).toBe(5 * 64 * (2 * 27 + 1))
    expect(info.pads).toEqual([[1, 1], [1, 1]])
    const even = one([[1, 8, 8]], { op: 'conv', filters: 1, kernel: [4, 4], padding: 'same', bias: false }).info
    expect(even.pads).toEqual([[1, 2], [1, 2]]) // odd padding goes high
    expect(even.paramShapes.bias).toBeUndefined()
    expect(even.params).toBe(16)
  })

  it('local: one kernel per output position, 1D and 2D only', () => {
    const { info } = one([[3, 6, 7]], { op: 'local', filters: 4, kernel: [3, 3] })
    expect(info.shape).toEqual([4, 4, 5])
    expect(info.paramShapes.weight.shape).toEqual([4, 5, 4, 3, 3, 3])
    expect(info.paramShapes.bias.shape).toEqual([4, 4, 5])
    expect(info.params).toBe(4 * 5 * 4 * 27 + 4 * 20)
    expect(shapeOf([[2, 10]], { op: 'local', filters: 3, kernel: [3], stride: [2], padding: 'same' })).toEqual([3, 5])
    expect(errorOf([[1, 4, 4, 4]], { op: 'local', filters: 1, kernel: [2, 2, 2] })).toMatch(/up to 2 spatial axes, but the input 1×4×4×4 has 3/)
  })

  it('tiled: t×t kernel sets, 2D only', () => {
    const { info } = one([[2, 9, 9]], { op: 'tiled', filters: 3, kernel: [3, 3], tiles: 2 })
    expect(info.shape).toEqual([3, 7, 7])
    expect(info.paramShapes.weight.shape).toEqual([2, 2, 3, 2, 3, 3])
    expect(info.params).toBe(4 * 3 * 18 + 3)
    expect(errorOf([[2, 9]], { op: 'tiled', filters: 3, kernel: [3], tiles: 2 })).toMatch(/tiled convolution works on 2D inputs/)
  })

  it('fully connected cost of a conv, a local and a tiled layer', () => {
    const conv = one([[1, 28, 28]], { op: 'conv', filters: 6, kernel: [5, 5] }).info
    const inSize = 28 * 28
    const outSize = 6 * 24 * 24
    expect(fullyConnectedCost(conv)).toEqual({
      layer: { params: 156, connections: outSize * 25 },
      dense: { params: inSize * outSize + outSize, connections: inSize * outSize },
    })
    const local = one([[2, 5, 5]], { op: 'local', filters: 1, kernel: [3, 3], bias: false }).info
    expect(fullyConnectedCost(local)).toEqual({ layer: { params: 9 * 18, connections: 9 * 18 }, dense: { params: 50 * 9, connections: 50 * 9 } })
    const tiled = one([[1, 5, 5]], { op: 'tiled', filters: 2, kernel: [2, 2], tiles: 2 }).info
    expect(fullyConnectedCost(tiled)!.layer).toEqual({ params: 4 * 2 * 4 + 2, connections: 2 * 16 * 4 })
    expect(fullyConnectedCost(one([[4]], { op: 'relu' }).info)).toBeNull()
  })

  it('says when a kernel does not fit, in words', () => {
    expect(errorOf([[1, 3, 3]], { op: 'conv', filters: 1, kernel: [5, 5] })).toBe('kernel 5×5 is larger than the 3×3 input with valid padding')
    expect(errorOf([[1, 9]], { op: 'conv', filters: 1, kernel: [3], dilation: [5] })).toBe('kernel 3 (dilated to 11) is larger than the input of length 9 with valid padding')
    expect(errorOf([[1, 28, 28]], { op: 'conv', filters: 1, kernel: [5] })).toBe('kernel 5 has 1 size but the input 1×28×28 has 2 spatial axes')
    expect(errorOf([[1, 28, 28]], { op: 'conv', filters: 1, kernel: [5, 5], stride: [1] })).toMatch(/^stride 1 has 1 size/)
    expect(errorOf([[1, 28, 28]], { op: 'conv', filters: 1, kernel: [5, 5], padding: [[1, 1]] })).toMatch(/^padding lists 1 axes/)
    expect(errorOf([[400]], { op: 'conv', filters: 1, kernel: [5] })).toMatch(/flat vector of 400 values/)
  })
})

describe('inferShapes: pooling', () => {
  it('max, avg and lp pools: stride defaults to the window, explicit stride and padding, 1D/3D', () => {
    expect(shapeOf([[3, 9, 8]], { op: 'maxpool', window: [2, 2] })).toEqual([3, 4, 4])
    expect(shapeOf([[3, 9, 8]], { op: 'avgpool', window: [3, 3], stride: [1, 2] })).toEqual([3, 7, 3])
    expect(shapeOf([[3, 9, 8]], { op: 'maxpool', window: [2, 2], padding: 'same' })).toEqual([3, 5, 4])
    expect(shapeOf([[3, 9, 8]], { op: 'lppool', window: [2, 2], p: 3 })).toEqual([3, 4, 4])
    expect(shapeOf([[2, 17]], { op: 'maxpool', window: [4] })).toEqual([2, 4])
    expect(shapeOf([[2, 4, 6, 8]], { op: 'avgpool', window: [2, 2, 2] })).toEqual([2, 2, 3, 4])
  })

  it('pool FLOPs and errors', () => {
    const max = one([[2, 4, 4]], { op: 'maxpool', window: [2, 2] }).info
    expect(max.flops).toBe(8 * 4)
    expect(max.params).toBe(0)
    expect(one([[2, 4, 4]], { op: 'lppool', window: [2, 2] }).info.flops).toBe(8 * 9)
    expect(errorOf([[1, 1, 1]], { op: 'maxpool', window: [2, 2] })).toBe('window 2×2 is larger than the 1×1 input with valid padding')
    expect(errorOf([[1, 8, 8]], { op: 'maxpool', window: [3, 3], padding: 'full' })).toMatch(/padding 2 is more than half the 3×3 window/)
  })

  it('global pools and pooling over channels', () => {
    expect(shapeOf([[7, 3, 4]], { op: 'globalavgpool' })).toEqual([7])
    expect(shapeOf([[7, 3, 4, 5]], { op: 'globalmaxpool' })).toEqual([7])
    expect(one([[7, 3, 4]], { op: 'globalavgpool' }).info.flops).toBe(84)
    expect(errorOf([[7]], { op: 'globalmaxpool' })).toMatch(/flat vector of 7 values/)
    expect(shapeOf([[12, 5, 5]], { op: 'channelpool', groupSize: 3 })).toEqual([4, 5, 5])
    expect(shapeOf([[12]], { op: 'channelpool', groupSize: 4, mode: 'avg' })).toEqual([3])
    expect(errorOf([[10, 5, 5]], { op: 'channelpool', groupSize: 3 })).toBe('10 channels cannot be split into groups of 3')
  })
})

describe('inferShapes: the rest', () => {
  it('dense needs a flat input; flatten makes one', () => {
    const { info } = one([[20]], { op: 'dense', units: 7 })
    expect(info.shape).toEqual([7])
    expect(info.paramShapes.weight).toMatchObject({ shape: [7, 20], fanIn: 20, fanOut: 7 })
    expect(info.params).toBe(147)
    expect(info.flops).toBe(7 * 41)
    expect(one([[20]], { op: 'dense', units: 7, bias: false }).info.params).toBe(140)
    expect(errorOf([[16, 5, 5]], { op: 'dense', units: 3 })).toBe('needs a flat input, but the input is 16×5×5; add a Flatten before it')
    expect(shapeOf([[16, 5, 5]], { op: 'flatten' })).toEqual([400])
  })

  it('activations, dropout and batch norm keep the shape', () => {
    for (const op of ['relu', 'leakyrelu', 'sigmoid', 'tanh', 'softmax', 'dropout', 'batchnorm']) {
      expect(shapeOf([[3, 4, 5]], { op })).toEqual([3, 4, 5])
    }
    expect(one([[3, 4, 5]], { op: 'relu' }).info.flops).toBe(60)
    expect(one([[3, 4, 5]], { op: 'dropout', rate: 0.2 }).info.flops).toBe(0)
    const bn = one([[3, 4, 5]], { op: 'batchnorm', momentum: 0.2 }).info
    expect(Object.fromEntries(Object.entries(bn.paramShapes).map(([k, p]) => [k, [p.shape, p.trainable, p.init]]))).toEqual({
      scale: [[3], true, 'ones'], shift: [[3], true, 'zeros'], runningMean: [[3], false, 'zeros'], runningVar: [[3], false, 'ones'],
    })
    expect(bn.params).toBe(6) // running statistics are not trained
  })

  it('add needs equal shapes; concat equal spatial sizes', () => {
    expect(shapeOf([[6, 4, 4], [6, 4, 4], [6, 4, 4]], { op: 'add' })).toEqual([6, 4, 4])
    expect(one([[6, 4, 4], [6, 4, 4], [6, 4, 4]], { op: 'add' }).info.flops).toBe(2 * 96)
    expect(errorOf([[6, 28, 28], [16, 28, 28]], { op: 'add' })).toBe('inputs 6×28×28 and 16×28×28 differ; add needs equal shapes')
    expect(shapeOf([[6, 4, 4], [2, 4, 4]], { op: 'concat' })).toEqual([8, 4, 4])
    expect(shapeOf([[6], [3]], { op: 'concat' })).toEqual([9])
    const mismatch = inferShapes({
      format: FORMAT, output: 'n', nodes: [
        { id: 'in', op: 'input', shape: [6, 4, 4] },
        { id: 'x', op: 'conv', inputs: ['in'], filters: 2, kernel: [1, 2] },
        { id: 'n', op: 'concat', inputs: ['in', 'x'] },
      ],
    })
    expect(mismatch.issues[0].message).toBe('inputs 6×4×4 and 2×4×3 differ in size beyond the channels; concat needs equal spatial sizes')
  })

  it('names the node whose inputs do not fit, using the example of a learner', () => {
    const report = inferShapes({
      format: FORMAT, output: 'sum', nodes: [
        { id: 'in', op: 'input', shape: [1, 28, 28] },
        { id: 'c1', op: 'conv', inputs: ['in'], filters: 6, kernel: [5, 5], padding: 'same' },
        { id: 'c2', op: 'conv', inputs: ['c1'], filters: 16, kernel: [5, 5], stride: [2, 2] },
        { id: 'sum', op: 'add', inputs: ['c1', 'c2'] },
      ],
    })
    expect(report.issues).toEqual([{ node: 'sum', op: 'add', message: 'inputs 6×28×28 and 16×12×12 differ; add needs equal shapes' }])
    expect(report.ok).toBe(false)
    expect(report.output).toBeNull()
  })

  it('every op of the table has a shape rule exercised above', () => {
    expect(OP_NAMES.sort()).toEqual([
      'add', 'avgpool', 'batchnorm', 'channelpool', 'concat', 'conv', 'dense', 'dropout', 'flatten', 'globalavgpool',
      'globalmaxpool', 'input', 'leakyrelu', 'local', 'lppool', 'maxpool', 'relu', 'sigmoid', 'softmax', 'tanh', 'tiled',
    ])
  })
})
