// Feature maps: every built node's output for one sample, the last equal to the model's own forward, each
// with the shape of one sample and the range of its values; a sample of the wrong size is refused.

import { describe, expect, it } from 'vitest'
import { buildModel, noGrad, Tensor, TEMPLATES } from '../../../engine/index.ts'
import { featureMaps } from '../../../engine/inspect/index.ts'
import { normalAt } from '../../../engine/random.ts'

describe('featureMaps', () => {
  const model = buildModel(TEMPLATES.lenet5.spec(), { seed: 3 })
  const sample = Float32Array.from({ length: 28 * 28 }, (_, i) => normalAt(7, i))

  it('returns every node in order with shapes, ranges and the model output last', async () => {
    const maps = await featureMaps(model, sample)
    expect(maps.map((m) => m.node)).toEqual(model.shapes.order)
    for (const m of maps) {
      expect(m.shape).toEqual(model.shapes.nodes[m.node].shape)
      expect(m.values.length).toBe(m.shape.reduce((a, b) => a * b, 1))
      expect(m.min).toBe(Math.min(...m.values))
      expect(m.max).toBe(Math.max(...m.values))
    }
    expect([...maps[0].values]).toEqual([...sample])
    const direct = await noGrad(() => model.forward(Tensor.from(sample, [1, 1, 28, 28]))).read()
    expect([...maps[maps.length - 1].values]).toEqual([...direct])
    // a ReLU is never negative and its pool's maximum is the ReLU's maximum over the same values
    const byNode = new Map(maps.map((m) => [m.node, m]))
    expect(byNode.get('relu1')!.min).toBeGreaterThanOrEqual(0)
    expect(byNode.get('pool1')!.max).toBe(byNode.get('relu1')!.max)
  })

  it('leaves the weights usable and gives the same maps twice', async () => {
    const a = await featureMaps(model, sample)
    const b = await featureMaps(model, sample)
    expect(b.map((m) => [...m.values])).toEqual(a.map((m) => [...m.values]))
  })

  it('traces every template (1D, 2D, 3D) to the same output as the forward pass', async () => {
    for (const [name, t] of Object.entries(TEMPLATES)) {
      const m = buildModel(t.spec(), { seed: 2 })
      const x = Float32Array.from({ length: m.inputShape.reduce((a, b) => a * b, 1) }, (_, i) => normalAt(3, i))
      const maps = await featureMaps(m, x)
      const direct = await noGrad(() => m.forward(Tensor.from(x, [1, ...m.inputShape]))).read()
      expect([...maps[maps.length - 1].values], name).toEqual([...direct])
    }
  })

  it('refuses a sample of the wrong size', async () => {
    await expect(featureMaps(model, new Float32Array(10))).rejects.toThrow(/1×28×28/)
  })
})
