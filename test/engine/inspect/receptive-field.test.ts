// Receptive fields against the gradient: in a linear net with positive weights, an output value depends on
// exactly the inputs where its gradient is non-zero, so the bounding box of those inputs is the field.

import { describe, expect, it } from 'vitest'
import { buildModel, inferShapes, Tensor, TEMPLATES, type ModelSpec } from '../../../engine/index.ts'
import { forwardTrace, receptiveField, type Box } from '../../../engine/inspect/index.ts'

const FORMAT = 'receptive.graph/1' as const

/** the bounding box of inputs whose gradient is non-zero for output `at` of `node`, channel 0 */
async function gradientBox(spec: ModelSpec, node: string, at: number[]): Promise<Box> {
  const model = buildModel(spec)
  model.loadParameters(new Map([...model.parameters()].map(([k, t]) => [k, new Float32Array(t.size).fill(k.endsWith('bias') ? 0 : 0.5)])))
  const shape = model.inputShape
  const x = Tensor.from(new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1), [1, ...shape], { requiresGrad: true })
  const out = forwardTrace(model, x, node).get(node)!
  const outShape = out.shape.slice(1)
  const pick = new Float32Array(out.size)
  pick[at.reduce((acc, p, i) => acc * outShape[i + 1] + p, 0)] = 1 // channel 0
  out.backward(Tensor.from(pick, out.shape))
  const g = await x.grad!.read()
  const spatial = shape.slice(1)
  const box: Box = spatial.map(() => [Infinity, -Infinity])
  g.forEach((v, i) => {
    if (v === 0) return
    let rest = i % spatial.reduce((a, b) => a * b, 1)
    for (let a = spatial.length - 1; a >= 0; a--) {
      const p = rest % spatial[a]
      rest = Math.floor(rest / spatial[a])
      box[a] = [Math.min(box[a][0], p), Math.max(box[a][1], p)]
    }
  })
  return box
}

const strided: ModelSpec = {
  format: FORMAT, output: 'sum',
  nodes: [
    { id: 'input', op: 'input', shape: [1, 24, 17] },
    { id: 'c1', op: 'conv', inputs: ['input'], filters: 2, kernel: [3, 3], stride: [2, 1], padding: 'same' },
    { id: 'p1', op: 'avgpool', inputs: ['c1'], window: [2, 2] },
    { id: 'c2', op: 'conv', inputs: ['p1'], filters: 2, kernel: [3, 2], dilation: [2, 1] },
    { id: 'c3', op: 'conv', inputs: ['p1'], filters: 2, kernel: [1, 1], padding: [[2, 2], [0, 1]] },
    { id: 'crop', op: 'conv', inputs: ['c3'], filters: 2, kernel: [9, 3] },
    { id: 'sum', op: 'add', inputs: ['c2', 'crop'] },
  ],
}

describe('receptiveField', () => {
  it('matches the gradient through strides, padding, dilation, pooling and two branches', async () => {
    const report = inferShapes(strided)
    expect(report.ok).toBe(true)
    const [, h, w] = report.nodes.sum.shape!
    for (const at of [[0, 0], [h - 1, w - 1], [1, 3]]) {
      for (const node of ['c1', 'p1', 'c2', 'sum']) {
        const [, nh, nw] = report.nodes[node].shape!
        const p = [Math.min(at[0], nh - 1), Math.min(at[1], nw - 1)]
        expect(receptiveField(strided, report, node, p), `${node} at ${p}`).toEqual(await gradientBox(strided, node, p))
      }
    }
  })

  it('matches the gradient on a 1D signal through a strided conv and a max pool', async () => {
    const signal: ModelSpec = {
      format: FORMAT, output: 'c2',
      nodes: [
        { id: 'input', op: 'input', shape: [2, 40] },
        { id: 'c1', op: 'conv', inputs: ['input'], filters: 2, kernel: [5], stride: [2], padding: 'same' },
        { id: 'p', op: 'avgpool', inputs: ['c1'], window: [3], stride: [2] },
        { id: 'c2', op: 'conv', inputs: ['p'], filters: 2, kernel: [3], dilation: [3] },
      ],
    }
    const report = inferShapes(signal)
    const n = report.nodes.c2.shape![1]
    for (const at of [0, n - 1]) expect(receptiveField(signal, report, 'c2', [at])).toEqual(await gradientBox(signal, 'c2', [at]))
  })

  it('grows through LeNet-5 and covers the whole input after flatten', () => {
    const spec = TEMPLATES.lenet5.spec()
    const report = inferShapes(spec)
    expect(receptiveField(spec, report, 'conv1', [0, 0])).toEqual([[0, 2], [0, 2]])
    expect(receptiveField(spec, report, 'conv2', [0, 0])).toEqual([[0, 11], [0, 11]])
    expect(receptiveField(spec, report, 'pool2', [4, 4])).toEqual([[14, 27], [14, 27]])
    expect(receptiveField(spec, report, 'fc1', [])).toEqual([[0, 27], [0, 27]])
  })

  it('refuses a position outside the node', () => {
    const spec = TEMPLATES.lenet5.spec()
    expect(() => receptiveField(spec, inferShapes(spec), 'conv2', [10, 0])).toThrow(/outside/)
  })
})
