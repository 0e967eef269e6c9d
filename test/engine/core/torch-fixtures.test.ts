// Forward values and gradients of the core ops against PyTorch (test/fixtures/torch/make_core_fixtures.py),
// in float32, within 1e-4 relative (absolute 1e-4 for values under 1).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'

interface Flat { shape: number[]; data: number[] }
interface Case {
  inputs: Record<string, Flat>
  upstream: Flat
  output: Flat
  grads: Record<string, Flat>
  labels?: number[]
  momentum?: number
  running_before?: { mean: number[]; var: number[] }
  running_after?: { mean: number[]; var: number[] }
  running?: { mean: number[]; var: number[] }
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/torch/core.json', import.meta.url), 'utf8')) as { cases: Record<string, Case> }

function expectClose(actual: ArrayLike<number>, expected: number[], what: string) {
  expect(actual.length, what).toBe(expected.length)
  let worst = 0, at = -1
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]))
    if (!(err <= worst)) { worst = err; at = i }
  }
  expect(worst, `${what}: element ${at} is ${actual[at]}, PyTorch ${expected[at]}`).toBeLessThanOrEqual(1e-4)
}

const running = (c: Case) => {
  const r = c.running ?? c.running_before
  return r && { mean: Tensor.from(r.mean, [r.mean.length]), var: Tensor.from(r.var, [r.var.length]) }
}

type Fn = (c: Case, t: Record<string, Tensor>, stats?: { mean: Tensor; var: Tensor }) => Tensor
const fns: Record<string, Fn> = {
  'add broadcast': (_, t) => ops.add(t.a, t.b),
  'sub broadcast': (_, t) => ops.sub(t.a, t.b),
  'mul broadcast': (_, t) => ops.mul(t.a, t.b),
  'div broadcast': (_, t) => ops.div(t.a, t.b),
  relu: (_, t) => ops.relu(t.x),
  'leakyRelu 0.2': (_, t) => ops.leakyRelu(t.x, 0.2),
  sigmoid: (_, t) => ops.sigmoid(t.x),
  tanh: (_, t) => ops.tanh(t.x),
  'softmax axis 1': (_, t) => ops.softmax(t.x),
  'sum axes 0,2': (_, t) => ops.sum(t.x, [0, 2]),
  'mean axis 1 keepdim': (_, t) => ops.mean(t.x, 1, true),
  'mean all': (_, t) => ops.mean(t.x),
  'max axis 1': (_, t) => ops.max(t.x, 1),
  'matmul batched transB': (_, t) => ops.matmul(t.a, t.b, { transB: true }),
  'matmul broadcast transA': (_, t) => ops.matmul(t.a, t.b, { transA: true }),
  dense: (_, t) => ops.dense(t.x, t.w, t.b),
  'concat channels': (_, t) => ops.concat([t.a, t.b]),
  permute: (_, t) => ops.permute(t.x, [2, 0, 1]),
  mse: (_, t) => ops.mse(t.p, t.t),
  softmaxCrossEntropy: (c, t) => ops.softmaxCrossEntropy(t.x, Int32Array.from(c.labels!)),
  'softmaxCrossEntropy logits 1e4': (c, t) => ops.softmaxCrossEntropy(t.x, Int32Array.from(c.labels!)),
}
for (const d of ['1D', '2D', '3D']) {
  fns[`batchNorm ${d} training`] = (c, t, s) => ops.batchNorm(t.x, t.scale, t.shift, { training: true, momentum: c.momentum, running: s })
  fns[`batchNorm ${d} inference`] = (_, t, s) => ops.batchNorm(t.x, t.scale, t.shift, { training: false, running: s })
}

describe('core ops vs PyTorch', () => {
  it('covers every fixture case', () => {
    expect(Object.keys(fns).sort()).toEqual(Object.keys(fixture.cases).sort())
  })

  for (const [name, c] of Object.entries(fixture.cases)) {
    it(name, async () => {
      const t = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, Tensor.from(v.data, v.shape, { requiresGrad: true })]))
      const stats = running(c)
      const out = fns[name](c, t, stats)
      expect(out.shape).toEqual(c.output.shape)
      expectClose(await out.read(), c.output.data, 'output')
      out.backward(Tensor.from(c.upstream.data, c.upstream.shape))
      for (const [k, g] of Object.entries(c.grads)) expectClose(await t[k].grad!.read(), g.data, `gradient of ${k}`)
      if (c.running_after) {
        expectClose(await stats!.mean.read(), c.running_after.mean, 'running mean')
        expectClose(await stats!.var.read(), c.running_after.var, 'running var')
      }
    })
  }
})
