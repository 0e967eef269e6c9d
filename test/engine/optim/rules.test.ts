// Update rules against PyTorch: the same start, gradients and per-step learning rates as torch.optim.SGD,
// Adam and AdamW (test/fixtures/torch/make_optim_fixtures.py) give the same parameters after every step.
import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/torch/optim-trajectories.json' with { type: 'json' }
import { adamRule, adamwRule } from '../../../engine/optim/adam.ts'
import type { UpdateRule } from '../../../engine/optim/rule.ts'
import { sgdRule } from '../../../engine/optim/sgd.ts'

const make: Record<string, (o: never) => UpdateRule> = { sgd: sgdRule, adam: adamRule, adamw: adamwRule }
const names = Object.keys(fixture.init) as (keyof typeof fixture.init)[]

describe('update rules vs PyTorch trajectories', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const rule = make[c.kind](c.options as never)
      const params = names.map((k) => Float32Array.from(fixture.init[k]))
      const slots = params.map((p) => rule.slots.map(() => new Float32Array(p.length)))
      c.trajectory.forEach((expected, t) => {
        names.forEach((k, i) => {
          rule.apply(params[i], Float32Array.from(fixture.grads[t][k]), slots[i], t + 1, fixture.lrs[t])
          const want = expected[k]
          for (let j = 0; j < want.length; j++) expect(params[i][j]).toBeCloseTo(want[j], 5)
        })
      })
    })
  }

  it('rejects options that make no sense', () => {
    expect(() => sgdRule({ lr: 0.1, nesterov: true })).toThrow(/Nesterov/)
    expect(() => adamRule({ lr: 0.1, betas: [1, 0.9] })).toThrow(/betas/)
  })
})
