// Gradients through a whole built model, in float64 against central differences: a branching graph that
// uses every kind of layer (local, tiled, maxout, Lp and average pooling, batch norm, dropout with a fixed
// mask, add, concat, softmax, dense). Perturbs parameters through loadParameters, so it checks the wiring
// of layers, parameters and the graph walk rather than any one op.
import { describe, expect, it } from 'vitest'
import { FORMAT, type ModelSpec } from '../../../engine/graph/index.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { noGrad } from '../../../engine/autograd.ts'
import { ops } from '../../../engine/ops/index.ts'
import { withFloat64 } from '../../../engine/precision.ts'
import { Tensor } from '../../../engine/tensor.ts'
import { randomValues } from '../gradcheck.ts'

const spec: ModelSpec = {
  format: FORMAT,
  nodes: [
    { id: 'in', op: 'input', shape: [2, 7, 6] },
    { id: 'loc', op: 'local', inputs: ['in'], filters: 4, kernel: [3, 3], padding: 'same' },
    { id: 'til', op: 'tiled', inputs: ['in'], filters: 4, kernel: [3, 3], tiles: 2, padding: 'same' },
    { id: 'sum', op: 'add', inputs: ['loc', 'til'] },
    { id: 'bn', op: 'batchnorm', inputs: ['sum'] },
    { id: 'act', op: 'leakyrelu', inputs: ['bn'], slope: 0.1 },
    { id: 'maxout', op: 'channelpool', inputs: ['act'], groupSize: 2 },
    { id: 'sq', op: 'tanh', inputs: ['til'] },
    { id: 'cat', op: 'concat', inputs: ['maxout', 'sq'] },
    { id: 'lp', op: 'lppool', inputs: ['cat'], window: [2, 2] },
    { id: 'avg', op: 'avgpool', inputs: ['lp'], window: [2, 2], stride: [1, 1], padding: 'same' },
    { id: 'drop', op: 'dropout', inputs: ['avg'], rate: 0.25 },
    { id: 'flat', op: 'flatten', inputs: ['drop'] },
    { id: 'fc', op: 'dense', inputs: ['flat'], units: 5 },
    { id: 'sig', op: 'sigmoid', inputs: ['fc'] },
    { id: 'out', op: 'softmax', inputs: ['sig'] },
  ],
  output: 'out',
}

describe('a whole model in float64 vs central differences', () => {
  it('every parameter and the input get the gradient finite differences give', () => withFloat64(async () => {
    const model = buildModel(spec, { seed: 3 })
    const x = Tensor.from(randomValues(3 * 2 * 7 * 6, 11), [3, 2, 7, 6], { requiresGrad: true })
    const r = Tensor.from(randomValues(3 * 5, 12), [3, 5])
    const objective = () => ops.sum(ops.mul(model.forward(x, { training: true, seed: 5 }), r))
    objective().backward()
    const params = model.parameters()
    expect(params.size).toBe(8)
    const eps = 1e-6
    let worst = 0
    let where = ''
    for (const [name, p] of params) {
      const values = await p.readF64()
      const analytic = await p.grad!.readF64()
      // a spread of elements of each parameter
      for (const j of new Set([0, values.length - 1, Math.floor(values.length / 3), Math.floor((2 * values.length) / 3)])) {
        const at = async (delta: number) => {
          const v = values.slice()
          v[j] += delta
          model.loadParameters(new Map([[name, v]]))
          return (await objective().readF64())[0]
        }
        const numeric = ((await at(eps)) - (await at(-eps))) / (2 * eps)
        model.loadParameters(new Map([[name, values]]))
        const err = Math.abs(numeric - analytic[j]) / Math.max(1, Math.abs(numeric), Math.abs(analytic[j]))
        if (err > worst) { worst = err; where = `${name}[${j}]: analytic ${analytic[j]}, numeric ${numeric}` }
      }
    }
    expect(worst, where).toBeLessThan(1e-6)
    expect(x.grad!.shape).toEqual(x.shape)
  }))
})

describe('inference without a tape', () => {
  it('frees spent intermediates yet gives the values of a taped forward, branches and views included', async () => {
    const model = buildModel(spec, { seed: 3 })
    const x = Tensor.from(randomValues(3 * 2 * 7 * 6, 11), [3, 2, 7, 6])
    const taped = await model.forward(x).read()
    const free = await noGrad(() => model.forward(x)).read()
    expect(free).toEqual(taped)
    // the input and the weights survive
    expect(await x.read()).toEqual(Float32Array.from(randomValues(3 * 2 * 7 * 6, 11)))
    expect(await noGrad(() => model.forward(x)).read()).toEqual(taped)
  })
})
