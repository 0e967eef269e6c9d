// A built model trains exactly as PyTorch does: the same small CNN with batch norm, loaded with the same
// weights, takes SGD-momentum and Adam steps on the same batches, and the losses, final weights, running
// statistics and inference logits match (test/fixtures/torch/make_train_fixtures.py).
import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/torch/train-steps.json' with { type: 'json' }
import { FORMAT, type ModelSpec } from '../../../engine/graph/index.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { adam, sgd } from '../../../engine/optim/index.ts'
import { ops } from '../../../engine/ops/index.ts'
import { Tensor } from '../../../engine/tensor.ts'

const spec: ModelSpec = {
  format: FORMAT,
  nodes: [
    { id: 'in', op: 'input', shape: fixture.input },
    { id: 'c1', op: 'conv', inputs: ['in'], filters: 3, kernel: [3, 3], padding: 'same', bias: false },
    { id: 'bn', op: 'batchnorm', inputs: ['c1'] },
    { id: 'a', op: 'relu', inputs: ['bn'] },
    { id: 'p', op: 'maxpool', inputs: ['a'], window: [2, 2] },
    { id: 'f', op: 'flatten', inputs: ['p'] },
    { id: 'out', op: 'dense', inputs: ['f'], units: fixture.classes },
  ],
  output: 'out',
}

function expectClose(got: ArrayLike<number>, want: number[], what: string) {
  expect(got.length, what).toBe(want.length)
  want.forEach((w, i) => expect(Math.abs(got[i] - w), `${what}[${i}]: ${got[i]} vs ${w}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(w))))
}

describe('training steps vs PyTorch', () => {
  for (const c of fixture.cases) {
    it(`${c.kind}: losses, weights, running statistics and inference logits`, async () => {
      const model = buildModel(spec)
      model.loadParameters(new Map(Object.entries(fixture.init)))
      const optimizer = c.kind === 'sgd' ? sgd(c.options) : adam(c.options)
      const params = model.parameters()
      const shape = [fixture.batches[0].labels.length, ...fixture.input]
      const losses: number[] = []
      for (const b of fixture.batches) {
        const loss = ops.softmaxCrossEntropy(model.forward(Tensor.from(b.x, shape), { training: true }), Int32Array.from(b.labels))
        loss.backward()
        optimizer.step(params)
        optimizer.zeroGrad(params)
        losses.push((await loss.read())[0])
      }
      expectClose(losses, c.losses, 'loss')
      const state = new Map([...params, ...model.buffers()])
      for (const [name, want] of Object.entries(c.final)) expectClose(await state.get(name)!.read(), want, name)
      expectClose(await model.forward(Tensor.from(fixture.probe, shape)).read(), c.probeLogits, 'probe logits')
    })
  }
})
