// Optimizers over named tensors on the device: sgd/adam/adamw follow the PyTorch trajectories, a state
// saved mid-run and loaded into a fresh optimizer continues the same trajectory, and misuse is refused.
import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/torch/optim-trajectories.json' with { type: 'json' }
import { adam, adamw, sgd, type Optimizer, type OptimizerState } from '../../../engine/optim/index.ts'
import { Tensor } from '../../../engine/tensor.ts'

const make: Record<string, (o: never) => Optimizer> = { sgd, adam, adamw }
const names = Object.keys(fixture.init) as (keyof typeof fixture.init)[]

function freshParams(): Map<string, Tensor> {
  return new Map(names.map((k) => [k, Tensor.from(fixture.init[k], fixture.shapes[k], { requiresGrad: true })]))
}

/** runs fixture steps [from, to) and checks the parameters after each */
async function runSteps(opt: Optimizer, params: Map<string, Tensor>, trajectory: Record<string, number[]>[], from: number, to: number) {
  for (let t = from; t < to; t++) {
    for (const k of names) params.get(k)!.grad = Tensor.from(fixture.grads[t][k], fixture.shapes[k])
    opt.step(params, fixture.lrs[t])
    opt.zeroGrad(params)
    for (const k of names) {
      const got = await params.get(k)!.read()
      trajectory[t][k].forEach((want, j) => expect(got[j]).toBeCloseTo(want, 5))
    }
  }
}

/** a copy through JSON with the arrays as lists, as a checkpoint might be stored */
function roundTrip(state: OptimizerState): OptimizerState {
  const slots = Object.fromEntries(Object.entries(state.slots).map(([name, s]) =>
    [name, Object.fromEntries(Object.entries(s).map(([slot, v]) => [slot, Float32Array.from(JSON.parse(JSON.stringify([...v])))]))]))
  return { ...JSON.parse(JSON.stringify({ ...state, slots: {} })), slots }
}

describe('optimizers over tensors', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: follows PyTorch`, async () => {
      const opt = make[c.kind](c.options as never)
      await runSteps(opt, freshParams(), c.trajectory, 0, c.trajectory.length)
      expect(opt.steps).toBe(c.trajectory.length)
    })

    it(`${c.name}: a saved state resumes the trajectory`, async () => {
      const first = make[c.kind](c.options as never)
      const params = freshParams()
      await runSteps(first, params, c.trajectory, 0, 2)
      const state = await first.saveState()
      expect(state.step).toBe(2)
      expect(Object.keys(state.slots).sort()).toEqual([...names].sort())
      const second = make[c.kind](c.options as never)
      second.loadState(roundTrip(state))
      await runSteps(second, params, c.trajectory, 2, c.trajectory.length)
    })
  }

  it('a parameter without a gradient is left alone', async () => {
    const opt = sgd({ lr: 0.1, momentum: 0.9 })
    const params = freshParams()
    params.get('a')!.grad = Tensor.from(fixture.grads[0].a, [7])
    opt.step(params)
    expect(await params.get('b')!.read()).toEqual(Float32Array.from(fixture.init.b))
    expect(Object.keys((await opt.saveState()).slots)).toEqual(['a'])
  })

  it('refuses a bad rate and a state of another kind', async () => {
    expect(() => sgd({ lr: 0 })).toThrow(/learning rate must be a positive number, got 0/)
    expect(() => adam({ lr: Number.NaN })).toThrow(/adam: learning rate/)
    const state = await sgd({ lr: 0.1 }).saveState()
    expect(() => adam({ lr: 0.1 }).loadState(state)).toThrow(/cannot load sgd optimizer state into adam/)
  })
})
