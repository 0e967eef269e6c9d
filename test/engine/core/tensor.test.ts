// Tensor construction and reading, float64 mode, backend choice and the seeded random fill.
import { describe, expect, it } from 'vitest'
import { Tensor, backendReason, getBackend, getPrecision, ops, setBackend, withFloat64 } from '../../../engine/index.ts'
import { randomFill } from '../../../engine/kernels/random-fill.ts'
import { launch } from '../../../engine/ops/dispatch.ts'

describe('Tensor', () => {
  it('round-trips values and shape', async () => {
    const t = Tensor.from([1.5, -2, 3, 4, 5, 6], [2, 3])
    expect(t.shape).toEqual([2, 3])
    expect(t.size).toBe(6)
    expect(Array.from(await t.read())).toEqual([1.5, -2, 3, 4, 5, 6])
    expect(Array.from(await Tensor.full([2], 7).read())).toEqual([7, 7])
    expect(Array.from(await Tensor.fromInt([3, -1], [2]).readInt())).toEqual([3, -1])
  })

  it('says when the values do not fill the shape', () => {
    expect(() => Tensor.from([1, 2, 3], [2, 2])).toThrow('Tensor.from: 3 values do not fill shape [2,2]')
    expect(() => Tensor.zeros([2, -1])).toThrow('invalid shape [2,-1]')
  })

  it('refuses use after dispose', () => {
    const t = Tensor.from([1, 2], [2])
    t.dispose()
    expect(() => ops.add(t, 1)).toThrow('disposed')
  })

  it('stores float64 in float64 mode and float32 otherwise', async () => {
    const third = 1 / 3
    const narrow = await Tensor.from([third], [1]).readF64()
    const wide = await withFloat64(() => Tensor.from([third], [1]).readF64())
    expect(narrow[0]).toBe(Math.fround(third))
    expect(wide[0]).toBe(third)
    expect(getPrecision()).toBe('f32')
  })

  it('restores float32 after a float64 block throws or rejects', async () => {
    expect(() => withFloat64(() => { throw new Error('boom') })).toThrow('boom')
    expect(getPrecision()).toBe('f32')
    await expect(withFloat64(async () => { throw new Error('later') })).rejects.toThrow('later')
    expect(getPrecision()).toBe('f32')
  })
})

describe('backend choice', () => {
  it('says why it picked what it picked when asked for auto', async () => {
    await setBackend('auto')
    // on CI the only adapter is SwiftShader (software, passed over); on a GPU machine WebGPU wins
    const name = getBackend().name
    if (name === 'cpu') expect(backendReason()).toMatch(/software renderer|no WebGPU/)
    else expect(backendReason()).toMatch(/^WebGPU adapter found: ./)
    await setBackend('cpu')
    expect(backendReason()).toBe('asked for')
  })
})

describe('random fill', () => {
  const fill = (shape: number[], params: Parameters<typeof launch<{ dist: 'uniform' | 'normal' | 'bernoulli'; seed: number; a: number; b?: number }>>[3]) =>
    launch(randomFill, [], shape, params).read()

  it('gives the same numbers for the same seed and different ones for another', async () => {
    const a = await fill([1000], { dist: 'uniform', seed: 5, a: 0, b: 1 })
    const b = await fill([1000], { dist: 'uniform', seed: 5, a: 0, b: 1 })
    const c = await fill([1000], { dist: 'uniform', seed: 6, a: 0, b: 1 })
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Array.from(a)).not.toEqual(Array.from(c))
  })

  it('has the asked-for mean and spread', async () => {
    const n = 20000
    const stats = (v: Float32Array) => {
      const mean = v.reduce((s, x) => s + x, 0) / n
      return { mean, std: Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / n) }
    }
    const u = stats(await fill([n], { dist: 'uniform', seed: 1, a: -2, b: 4 }))
    expect(u.mean).toBeCloseTo(1, 1)
    expect(u.std).toBeCloseTo(6 / Math.sqrt(12), 1)
    const g = stats(await fill([n], { dist: 'normal', seed: 2, a: 3, b: 0.5 }))
    expect(g.mean).toBeCloseTo(3, 1)
    expect(g.std).toBeCloseTo(0.5, 1)
    const bern = stats(await fill([n], { dist: 'bernoulli', seed: 3, a: 0.3 }))
    expect(bern.mean).toBeCloseTo(0.3, 1)
  })
})
