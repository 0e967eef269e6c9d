// Broadcasting binaries and reductions over many random shapes against naive index arithmetic written
// here, so the strided walk (axis coalescing, stride-0 runs) is checked beyond the hand-picked cases.
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import { uniformAt } from '../../../engine/random.ts'

const sizeOf = (s: number[]) => s.reduce((a, b) => a * b, 1)

/** flat index into `shape` of the multi-index `at` (right-aligned; size-1 axes read index 0) */
function indexIn(shape: number[], at: number[]): number {
  let flat = 0
  const off = at.length - shape.length
  shape.forEach((d, i) => { flat = flat * d + (d === 1 ? 0 : at[i + off]) })
  return flat
}

function multiIndex(shape: number[], flat: number): number[] {
  const at = new Array<number>(shape.length)
  for (let d = shape.length - 1; d >= 0; d--) { at[d] = flat % shape[d]; flat = Math.floor(flat / shape[d]) }
  return at
}

function randomCase(seed: number) {
  let k = 0
  const draw = (n: number) => Math.floor(uniformAt(seed, k++) * n)
  const rank = 1 + draw(4)
  const full = Array.from({ length: rank }, () => 1 + draw(4))
  const squash = (s: number[]) => s.map((d) => (draw(3) === 0 ? 1 : d))
  const a = squash(full), b = squash(full).slice(draw(rank))
  const axes = full.map((_, i) => i).filter(() => draw(2) === 0)
  return { a, b, full, axes }
}

describe('strided walks on random shapes', () => {
  it('broadcast mul and sub match naive indexing', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { a, b } = randomCase(seed)
      const av = Array.from({ length: sizeOf(a) }, (_, i) => i + 1), bv = Array.from({ length: sizeOf(b) }, (_, i) => (i % 7) - 3)
      const out = ops.sub(ops.mul(Tensor.from(av, a), Tensor.from(bv, b)), Tensor.from(bv, b))
      const shape = [...out.shape]
      const want = Array.from({ length: sizeOf(shape) }, (_, f) => {
        const at = multiIndex(shape, f)
        const y = bv[indexIn(b, at)]
        return av[indexIn(a, at)] * y - y
      })
      expect(Array.from(await out.read()), `${JSON.stringify(a)} * ${JSON.stringify(b)}`).toEqual(want)
    }
  })

  it('sum and max over random axes match naive loops', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { full, axes } = randomCase(seed)
      const values = Array.from({ length: sizeOf(full) }, (_, i) => ((i * 37) % 11) - 5)
      const x = Tensor.from(values, full)
      const kept = full.map((d, i) => (axes.includes(i) ? 1 : d))
      const sums = new Array<number>(sizeOf(kept)).fill(0), maxes = new Array<number>(sizeOf(kept)).fill(-Infinity)
      values.forEach((v, f) => {
        const o = indexIn(kept, multiIndex(full, f))
        sums[o] += v
        maxes[o] = Math.max(maxes[o], v)
      })
      const what = `${JSON.stringify(full)} over ${JSON.stringify(axes)}`
      expect(Array.from(await ops.sum(x, axes, true).read()), what).toEqual(sums)
      expect(Array.from(await ops.max(x, axes, true).read()), what).toEqual(maxes)
    }
  })
})
