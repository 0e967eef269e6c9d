import { describe, expect, it } from 'vitest'
import { Tensor, noGrad, ops } from '../../../engine/index.ts'
import { gradcheck } from '../gradcheck.ts'


describe('broadcasting arithmetic', () => {
  it('adds a row vector to a matrix', async () => {
    const a = Tensor.from([1, 2, 3, 4, 5, 6], [2, 3])
    const b = Tensor.from([10, 20, 30], [3])
    expect(Array.from(await ops.add(a, b).read())).toEqual([11, 22, 33, 14, 25, 36])
  })

  it('broadcasts a column against a row into a matrix', async () => {
    const col = Tensor.from([1, 2], [2, 1])
    const row = Tensor.from([10, 20, 30], [1, 3])
    const out = ops.mul(col, row)
    expect(out.shape).toEqual([2, 3])
    expect(Array.from(await out.read())).toEqual([10, 20, 30, 20, 40, 60])
  })

  it('names the op and the shapes when they do not broadcast', () => {
    expect(() => ops.add(Tensor.zeros([2, 3]), Tensor.zeros([4]))).toThrow('add: shapes [2,3] and [4] do not broadcast')
  })

  it('accepts numbers on either side', async () => {
    const x = Tensor.from([1, 2, 4], [3])
    expect(Array.from(await ops.sub(1, x).read())).toEqual([0, -1, -3])
    expect(Array.from(await ops.div(2, x).read())).toEqual([2, 1, 0.5])
    expect(Array.from(await ops.div(x, 2).read())).toEqual([0.5, 1, 2])
    expect(Array.from(await ops.add(3, x).read())).toEqual([4, 5, 7])
    expect(() => ops.add(1, 2)).toThrow('add: needs at least one tensor, got two numbers')
    expect(() => ops.div(1, 2)).toThrow('div: needs at least one tensor')
  })
})

describe('arithmetic gradients (float64 central differences)', () => {
  const cases: [string, (a: Tensor, b: Tensor) => Tensor][] = [
    ['add', ops.add], ['sub', ops.sub], ['mul', ops.mul],
    ['div', (a, b) => ops.div(a, ops.add(ops.mul(b, b), 0.5))],
  ]
  for (const [name, f] of cases) {
    it(`${name} with broadcasting [3,1,5] and [4,1]`, async () => {
      const r = await gradcheck(f, [[3, 1, 5], [4, 1]])
      expect(r.maxError, r.worst).toBeLessThan(1e-7)
    })
    it(`${name} with equal shapes [2,3]`, async () => {
      const r = await gradcheck(f, [[2, 3], [2, 3]])
      expect(r.maxError, r.worst).toBeLessThan(1e-7)
    })
  }

  it('scalar variants and neg', async () => {
    const f = (x: Tensor) => ops.neg(ops.div(3, ops.add(ops.mul(ops.sub(2, x), 0.5), 4)))
    const r = await gradcheck(f, [[3, 2]])
    expect(r.maxError, r.worst).toBeLessThan(1e-7)
  })
})

describe('autograd', () => {
  it('accumulates the gradient of a tensor used twice', async () => {
    const x = Tensor.from([1, 2, 3], [3], { requiresGrad: true })
    ops.sum(ops.mul(x, x)).backward()
    expect(Array.from(await x.grad!.read())).toEqual([2, 4, 6])
  })

  it('accumulates across backward calls, as PyTorch does', async () => {
    const x = Tensor.from([1, 2], [2], { requiresGrad: true })
    ops.sum(ops.mul(x, 3)).backward()
    ops.sum(ops.mul(x, 3)).backward()
    expect(Array.from(await x.grad!.read())).toEqual([6, 6])
  })

  it('takes an upstream gradient on a non-scalar and refuses a non-scalar without one', async () => {
    const x = Tensor.from([1, 2, 3, 4], [2, 2], { requiresGrad: true })
    const y = ops.mul(x, x)
    expect(() => y.backward()).toThrow('not a scalar')
    y.backward(Tensor.from([1, 0, 0, 1], [2, 2]))
    expect(Array.from(await x.grad!.read())).toEqual([2, 0, 0, 8])
  })

  it('walks a tape far deeper than the call stack allows recursion', async () => {
    const x = Tensor.from([1], [1], { requiresGrad: true })
    let y = x
    for (let i = 0; i < 20000; i++) y = ops.add(y, 0)
    ops.sum(ops.mul(y, 2)).backward()
    expect(Array.from(await x.grad!.read())).toEqual([2])
  })

  it('records nothing under noGrad', () => {
    const x = Tensor.from([1, 2], [2], { requiresGrad: true })
    const y = noGrad(() => ops.mul(x, 2))
    expect(y.requiresGrad).toBe(false)
    expect(y.node).toBeNull()
  })

  it('refuses to reuse a consumed tape', () => {
    const x = Tensor.from([1, 2], [2], { requiresGrad: true })
    const y = ops.sum(ops.mul(x, 2))
    y.backward()
    expect(() => y.backward()).toThrow('already used')
  })
})

describe('reductions', () => {
  it('shares the gradient of max among tied maxima, as torch.amax', async () => {
    const x = Tensor.from([1, 3, 3, 2, 5, 0], [2, 3], { requiresGrad: true })
    const m = ops.max(x, 1)
    expect(Array.from(await m.read())).toEqual([3, 5])
    ops.sum(m).backward()
    expect(Array.from(await x.grad!.read())).toEqual([0, 0.5, 0.5, 0, 1, 0])
  })

  it('argmax picks the first largest along an axis', async () => {
    const x = Tensor.from([1, 3, 3, 2, 5, 0], [2, 3])
    expect(Array.from(await ops.argmax(x, 1).readInt())).toEqual([1, 1])
    expect(Array.from(await ops.argmax(x, 0).readInt())).toEqual([1, 1, 0])
  })

  it('sums over negative and repeated axes, keeping dims when asked', async () => {
    const x = Tensor.from([1, 2, 3, 4, 5, 6], [1, 2, 3])
    expect(ops.sum(x, [-1, 2], true).shape).toEqual([1, 2, 1])
    expect(Array.from(await ops.mean(x, [0, 1]).read())).toEqual([2.5, 3.5, 4.5])
  })
})
