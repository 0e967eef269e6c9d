// buildModel: every op of the spec builds and runs with the output shape inferShapes promises, gradients
// reach every parameter, every template builds, LeNet-5 has the parameters counted by hand, seeding and
// loading parameters work, and errors name the node.
import { describe, expect, it } from 'vitest'
import { FORMAT, GraphError, OP_NAMES, TEMPLATES, inferShapes, type ModelSpec } from '../../../engine/graph/index.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { ops } from '../../../engine/ops/index.ts'
import { Tensor } from '../../../engine/tensor.ts'

/** deterministic, varied values in (-1, 1) */
const wave = (n: number, phase = 0) => Float32Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + phase) * 0.9)
const batchOf = (n: number, shape: number[]) => Tensor.from(wave(n * shape.reduce((a, b) => a * b, 1)), [n, ...shape])

/** input `in` of shape `input`, an optional second branch `b` (1×1 conv or dense), then node `n` */
function specWith(input: number[], node: Record<string, unknown>, twoInputs = false): ModelSpec {
  const nodes: object[] = [{ id: 'in', op: 'input', shape: input }]
  if (twoInputs) {
    nodes.push(input.length === 1
      ? { id: 'b', op: 'dense', inputs: ['in'], units: input[0] }
      : { id: 'b', op: 'conv', inputs: ['in'], filters: 2, kernel: input.slice(1).map(() => 1) })
  }
  nodes.push({ id: 'n', inputs: twoInputs ? ['in', 'b'] : ['in'], ...node })
  return { format: FORMAT, nodes, output: 'n' } as ModelSpec
}

const cases: [string, number[], Record<string, unknown>, boolean?][] = [
  ['conv 1D', [2, 9], { op: 'conv', filters: 3, kernel: [3], stride: [2], padding: 'full' }],
  ['conv 2D', [2, 7, 6], { op: 'conv', filters: 3, kernel: [3, 2], stride: [2, 1], padding: 'same', dilation: [1, 2] }],
  ['conv 3D flip', [1, 4, 5, 3], { op: 'conv', filters: 2, kernel: [2, 3, 1], padding: [[1, 0], [1, 1], [0, 0]], flip: true, bias: false }],
  ['local 1D', [2, 8], { op: 'local', filters: 3, kernel: [3], stride: [2] }],
  ['local 2D', [2, 6, 5], { op: 'local', filters: 2, kernel: [3, 2], padding: 'same' }],
  ['tiled', [2, 7, 6], { op: 'tiled', filters: 3, kernel: [3, 3], tiles: 2 }],
  ['maxpool 1D', [2, 9], { op: 'maxpool', window: [3], stride: [2] }],
  ['maxpool 2D', [2, 7, 6], { op: 'maxpool', window: [2, 2] }],
  ['avgpool 3D', [2, 4, 5, 4], { op: 'avgpool', window: [2, 2, 2], padding: 'same' }],
  ['lppool 2D', [2, 6, 6], { op: 'lppool', window: [3, 3], stride: [2, 2] }],
  ['globalavgpool', [3, 5, 4], { op: 'globalavgpool' }],
  ['globalmaxpool', [3, 5], { op: 'globalmaxpool' }],
  ['channelpool max', [6, 4, 3], { op: 'channelpool', groupSize: 3 }],
  ['channelpool avg', [4, 5], { op: 'channelpool', groupSize: 2, mode: 'avg' }],
  ['dense', [5], { op: 'dense', units: 4 }],
  ['dense no bias', [5], { op: 'dense', units: 3, bias: false }],
  ['flatten', [2, 3, 4], { op: 'flatten' }],
  ['relu', [2, 3, 4], { op: 'relu' }],
  ['leakyrelu', [2, 5], { op: 'leakyrelu', slope: 0.2 }],
  ['sigmoid', [7], { op: 'sigmoid' }],
  ['tanh', [2, 2, 2, 2], { op: 'tanh' }],
  ['softmax', [4, 3], { op: 'softmax' }],
  ['dropout', [3, 4, 4], { op: 'dropout', rate: 0.3 }],
  ['batchnorm 1D', [3, 5], { op: 'batchnorm' }],
  ['batchnorm 2D', [3, 4, 4], { op: 'batchnorm', eps: 1e-3, momentum: 0.2 }],
  ['batchnorm 3D', [2, 3, 2, 3], { op: 'batchnorm' }],
  ['add', [2, 4, 4], { op: 'add' }, true],
  ['concat', [3, 4, 5], { op: 'concat' }, true],
]

describe('buildModel: every op', () => {
  it('the cases cover every op of the spec', () => {
    const covered = new Set(['input', ...cases.map(([, , node]) => node.op as string)])
    expect([...OP_NAMES].filter((op) => !covered.has(op))).toEqual([])
  })

  for (const [name, input, node, twoInputs] of cases) {
    it(`${name}: forward shape = inferShapes, gradients reach every parameter`, async () => {
      const spec = specWith(input, node, twoInputs)
      const report = inferShapes(spec)
      expect(report.issues).toEqual([])
      const model = buildModel(spec)
      expect(model.outputShape).toEqual(report.output)
      const x = batchOf(3, input)
      x.requiresGrad = true
      const y = model.forward(x, { training: true, seed: 1 })
      expect(y.shape).toEqual([3, ...report.output!])
      expect((await y.read()).every(Number.isFinite)).toBe(true)
      ops.sum(ops.mul(y, batchOf(3, report.output!))).backward()
      const params = model.parameters()
      expect([...params.keys()].sort()).toEqual(
        Object.entries(report.nodes.n.paramShapes).filter(([, p]) => p.trainable).map(([k]) => `n.${k}`)
          .concat(twoInputs ? Object.keys(report.nodes.b.paramShapes).map((k) => `b.${k}`) : []).sort())
      for (const [key, p] of params) {
        expect(p.grad, key).not.toBeNull()
        expect(p.grad!.shape).toEqual(p.shape)
      }
      expect(x.grad!.shape).toEqual(x.shape)
      const trainable = [...params.values()].reduce((n, p) => n + p.size, 0)
      expect(trainable).toBe(report.totals.params)
    })
  }
})

describe('buildModel: templates and LeNet-5', () => {
  for (const [key, template] of Object.entries(TEMPLATES)) {
    it(`template ${key}: forward shape = inferShapes`, () => {
      const spec = template.spec()
      const report = inferShapes(spec)
      const model = buildModel(spec)
      const y = model.forward(batchOf(2, model.inputShape))
      expect(y.shape).toEqual([2, ...report.output!])
      expect([...model.parameters().values()].reduce((n, p) => n + p.size, 0)).toBe(report.totals.params)
    })
  }

  it('LeNet-5: parameters by name with the shapes counted by hand (61,706 in all)', () => {
    const params = buildModel(TEMPLATES.lenet5.spec()).parameters()
    const shapes = Object.fromEntries([...params].map(([k, t]) => [k, t.shape]))
    expect(shapes).toEqual({
      'conv1.weight': [6, 1, 5, 5], 'conv1.bias': [6], 'conv2.weight': [16, 6, 5, 5], 'conv2.bias': [16],
      'fc1.weight': [120, 400], 'fc1.bias': [120], 'fc2.weight': [84, 120], 'fc2.bias': [84], 'fc3.weight': [10, 84], 'fc3.bias': [10],
    })
    // 156 + 2416 + 48120 + 10164 + 850
    expect([...params.values()].reduce((n, p) => n + p.size, 0)).toBe(61706)
  })
})

describe('buildModel: seeds, parameters, modes', () => {
  const dense = () => specWith([6], { op: 'dense', units: 4 })
  const readAll = (m: ReturnType<typeof buildModel>) => Promise.all([...m.parameters().values()].map((t) => t.read()))

  it('the same seed gives the same weights; biases start at zero; He normal by default', async () => {
    const a = await readAll(buildModel(TEMPLATES.lenet5.spec(), { seed: 5 }))
    expect(await readAll(buildModel(TEMPLATES.lenet5.spec(), { seed: 5 }))).toEqual(a)
    expect(await readAll(buildModel(TEMPLATES.lenet5.spec(), { seed: 6 }))).not.toEqual(a)
    expect(a[1].every((v) => v === 0)).toBe(true)
    // fc1: 48,000 draws, std √(2/400)
    const w = a[4]
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length)
    expect(std / Math.sqrt(2 / 400)).toBeGreaterThan(0.98)
    expect(std / Math.sqrt(2 / 400)).toBeLessThan(1.02)
    const glorot = await readAll(buildModel(TEMPLATES.lenet5.spec(), { seed: 5, init: 'glorot-uniform' }))
    expect(Math.max(...glorot[8].map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 94) + 1e-7)
  })

  it('a weight keeps its initial values when another node is added', async () => {
    const spec = TEMPLATES.lenet5.spec()
    const before = await buildModel(spec).parameters().get('fc3.weight')!.read()
    spec.nodes.splice(1, 0, { id: 'extra', op: 'conv', inputs: ['input'], filters: 1, kernel: [1, 1] })
    spec.nodes[2].inputs = ['extra']
    expect(await buildModel(spec).parameters().get('fc3.weight')!.read()).toEqual(before)
  })

  it('a branch the output does not depend on is not built', () => {
    const spec = specWith([6], { op: 'dense', units: 4 })
    spec.nodes.push({ id: 'dangling', op: 'dense', inputs: ['in'], units: 3 })
    expect(inferShapes(spec).issues).toEqual([])
    expect([...buildModel(spec).parameters().keys()]).toEqual(['n.weight', 'n.bias'])
  })

  it('dense computes x·Wᵀ + b with the loaded values', async () => {
    const model = buildModel(specWith([2], { op: 'dense', units: 3 }))
    model.loadParameters(new Map<string, Tensor | number[]>([
      ['n.weight', [1, 2, 3, 4, 5, 6]], ['n.bias', Tensor.from([0.5, -1, 2], [3])],
    ]))
    const y = model.forward(Tensor.from([1, -1, 2, 0.5], [2, 2]))
    expect([...(await y.read())]).toEqual([-0.5, -2, 1, 3.5, 7, 15])
  })

  it('loadParameters refuses unknown names and wrong sizes, naming them', () => {
    const model = buildModel(dense())
    expect(() => model.loadParameters(new Map([['n.kernel', [1]]]))).toThrow(/no parameter n.kernel/)
    expect(() => model.loadParameters(new Map([['n.weight', new Float32Array(5)]]))).toThrow(/n.weight holds 24 values \(4×6\), got 5/)
  })

  it('batch norm: running statistics are buffers, updated while training and used at inference', async () => {
    const model = buildModel(specWith([2, 3], { op: 'batchnorm', momentum: 0.5 }))
    expect([...model.buffers().keys()]).toEqual(['n.runningMean', 'n.runningVar'])
    expect([...model.parameters().keys()]).toEqual(['n.scale', 'n.shift'])
    const x = Tensor.from([1, 2, 3, 10, 20, 30, 3, 4, 5, 10, 10, 10], [2, 2, 3])
    const inference = await model.forward(x).read()
    // running stats start at mean 0, var 1: inference is (x − 0)/√(1 + eps)
    expect(inference[3]).toBeCloseTo(10 / Math.sqrt(1 + 1e-5), 4)
    model.forward(x, { training: true })
    const mean = await model.buffers().get('n.runningMean')!.read()
    // channel 0 holds 1,2,3,3,4,5 (mean 3); channel 1 holds 10,20,30,10,10,10 (mean 15); momentum 0.5
    expect([...mean]).toEqual([1.5, 7.5])
    const unchanged = await model.forward(x).read()
    expect(await model.buffers().get('n.runningMean')!.read()).toEqual(mean)
    expect(unchanged).not.toEqual(inference)
  })

  it('dropout is the identity at inference and drops values while training, by seed', async () => {
    const model = buildModel(specWith([200], { op: 'dropout', rate: 0.5 }))
    const x = Tensor.from(new Float32Array(400).fill(1), [2, 200])
    expect([...(await model.forward(x).read())].every((v) => v === 1)).toBe(true)
    const a = await model.forward(x, { training: true, seed: 1 }).read()
    const zeros = a.filter((v) => v === 0).length
    expect(zeros).toBeGreaterThan(120)
    expect(zeros).toBeLessThan(280)
    expect(a.every((v) => v === 0 || v === 2)).toBe(true)
    expect(await model.forward(x, { training: true, seed: 1 }).read()).toEqual(a)
    expect(await model.forward(x, { training: true, seed: 2 }).read()).not.toEqual(a)
  })
})

describe('buildModel: errors name the node', () => {
  it('an invalid spec throws GraphError listing the node and what does not fit', () => {
    const spec = specWith([1, 4, 4], { op: 'conv', filters: 2, kernel: [5, 5] })
    expect(() => buildModel(spec)).toThrow(GraphError)
    expect(() => buildModel(spec)).toThrow(/n \(conv\): kernel 5×5 is larger than the 4×4 input with valid padding/)
    expect(() => buildModel({ ...spec, nodes: [...spec.nodes, { id: 'q', op: 'magic', inputs: ['n'] }] })).toThrow(/q: unknown op "magic"/)
    expect(() => buildModel(specWith([2, 4, 4], { op: 'dense', units: 3 }))).toThrow(/n \(dense\): needs a flat input, but the input is 2×4×4/)
    // a negative output size: the dilated kernel does not fit
    expect(() => buildModel(specWith([3, 8, 8], { op: 'conv', filters: 2, kernel: [3, 3], dilation: [4, 4] })))
      .toThrow(/n \(conv\): kernel 3×3 \(dilated to 9×9\) is larger than the 8×8 input/)
  })

  it('an input batch of the wrong shape names the input node and both shapes', () => {
    const model = buildModel(TEMPLATES.lenet5.spec())
    expect(() => model.forward(batchOf(2, [3, 32, 32]))).toThrow(/input \(input\): expects a batch of 1×28×28 samples, got a tensor of 2×3×32×32/)
    expect(() => model.forward(batchOf(1, [784]))).toThrow(/input \(input\)/)
  })
})
