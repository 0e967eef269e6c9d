// Activation maximisation: the channel's activation rises over the steps, the result depends only on the
// seed, and roll (the jitter) is undone by the opposite shift.

import { describe, expect, it } from 'vitest'
import { buildModel, TEMPLATES } from '../../../engine/index.ts'
import { maximize, roll } from '../../../engine/inspect/index.ts'

describe('maximize', () => {
  const model = buildModel(TEMPLATES.lenet5.spec(), { seed: 1 })

  it('raises the chosen channel and is reproducible for a seed', async () => {
    const a = await maximize(model, { node: 'conv2', channel: 3, steps: 12, seed: 5 })
    expect(a.shape).toEqual([1, 28, 28])
    expect(a.activations).toHaveLength(13)
    expect(a.activations[12]).toBeGreaterThan(a.activations[0] + 1)
    const b = await maximize(model, { node: 'conv2', channel: 3, steps: 12, seed: 5 })
    expect([...b.values]).toEqual([...a.values])
    const c = await maximize(model, { node: 'conv2', channel: 3, steps: 12, seed: 6 })
    expect([...c.values]).not.toEqual([...a.values])
    // the weights were frozen, not trained
    expect([...model.parameters().values()].every((p) => p.requiresGrad && p.grad === null)).toBe(true)
  })

  it('works on a dense unit and refuses a missing channel', async () => {
    const r = await maximize(model, { node: 'fc3', channel: 7, steps: 5, jitter: 0 })
    expect(r.activations[5]).toBeGreaterThan(r.activations[0])
    await expect(maximize(model, { node: 'fc3', channel: 10 })).rejects.toThrow(/no channel 10/)
  })

  it('roll shifts the last two axes circularly and back', () => {
    const x = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i)
    const r = roll(x, [2, 3, 4], 1, -1)
    expect(r[1 * 4 + 3]).toBe(x[0]) // (0,0) → (1,3)
    expect(r[12 + 0 * 4 + 0]).toBe(x[12 + 2 * 4 + 1]) // second channel: (2,1) → (0,0)
    expect([...roll(r, [2, 3, 4], -1, 1)]).toEqual([...x])
  })
})
