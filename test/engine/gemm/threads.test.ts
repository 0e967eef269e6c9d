// The thread pool: big float32 gemms on shared memory are split between this thread and a worker (by batch items,
// or by columns for one item or when items sum into one C), and give bit for bit what one thread gives.
import { describe, expect, it } from 'vitest'
import { gemm, type GemmArgs } from '../../../engine/backend/cpu/gemm.ts'
import { planParts } from '../../../engine/backend/cpu/gemm-parallel.ts'
import { poolSize, startThreadPool } from '../../../engine/backend/cpu/thread-pool.ts'
import { filled, naiveGemm, worstError } from './naive.ts'

const sharedF32 = (n: number, seed: number): Float32Array => filled(new Float32Array(new SharedArrayBuffer(4 * n)), seed)

describe('gemm over the thread pool', () => {
  const cases: [string, Omit<GemmArgs, 'a' | 'b' | 'c'>][] = [
    ['split by items, A broadcast', { batch: 5, m: 64, n: 200, k: 150, strideA: 0 }],
    ['split by columns, one item, transposes', { batch: 1, m: 130, n: 257, k: 90, transA: true, transB: true }],
    ['split by columns, items summed into one C', { batch: 3, m: 40, n: 300, k: 120, strideC: 0, accumulate: true }],
  ]
  for (const [name, p] of cases) {
    it(name, async () => {
      expect(await startThreadPool(2)).toBe(1)
      expect(planParts({ ...p, a: new Float32Array(0), b: new Float32Array(0), c: new Float32Array(0) }, 2)).not.toBeNull()
      const sA = p.strideA ?? p.m * p.k, sC = p.strideC ?? p.m * p.n
      const a = sharedF32(Math.max(sA * p.batch, p.m * p.k), 1), b = sharedF32(p.batch * p.k * p.n, 2)
      const c = sharedF32(Math.max(sC * p.batch, p.m * p.n), 3)
      const single = Float32Array.from(c), want = Float64Array.from(c)
      gemm({ ...p, a, b, c })
      gemm({ ...p, a: Float32Array.from(a), b: Float32Array.from(b), c: single }) // not shared: one thread
      naiveGemm({ ...p, a: Float64Array.from(a), b: Float64Array.from(b), c: want })
      expect(poolSize()).toBe(1)
      expect(Array.from(c)).toEqual(Array.from(single))
      expect(worstError(c, want, { ...p, a, b, c })).toBeLessThan(1e-5)
    })
  }

  it('many split calls in a row (the worker or the caller takes each share) all match one thread', async () => {
    expect(await startThreadPool(2)).toBe(1)
    const p = { batch: 4, m: 48, n: 96, k: 80, strideA: 0 }
    for (let round = 0; round < 40; round++) {
      const a = sharedF32(p.m * p.k, round), b = sharedF32(p.batch * p.k * p.n, round + 1), c = sharedF32(p.batch * p.m * p.n, 0)
      const single = new Float32Array(c.length)
      gemm({ ...p, a, b, c })
      gemm({ ...p, a: Float32Array.from(a), b: Float32Array.from(b), c: single })
      expect(Array.from(c)).toEqual(Array.from(single))
    }
  })

  it('plans shares that cover every item and column once: items when they write apart, else whole column tiles', () => {
    const none = { a: new Float32Array(0), b: new Float32Array(0), c: new Float32Array(0) }
    const byItems = planParts({ ...none, batch: 7, m: 64, n: 100, k: 300 }, 2)!
    expect(byItems).toEqual([{ itemStart: 0, itemEnd: 4, colStart: 0, colEnd: 100 }, { itemStart: 4, itemEnd: 7, colStart: 0, colEnd: 100 }])
    const summed = planParts({ ...none, batch: 7, m: 64, n: 100, k: 300, strideC: 0 }, 3)!
    expect(summed.map((p) => [p.itemStart, p.itemEnd])).toEqual([[0, 7], [0, 7], [0, 7]])
    expect(summed.map((p) => [p.colStart, p.colEnd])).toEqual([[0, 32], [32, 64], [64, 100]])
    expect(planParts({ ...none, batch: 1, m: 5000, n: 12, k: 300 }, 2)).toBeNull() // too narrow for two column tiles
  })

  it('does not split calls too small to repay waking a worker', () => {
    expect(planParts({ batch: 2, m: 8, n: 8, k: 8, a: new Float32Array(0), b: new Float32Array(0), c: new Float32Array(0) }, 2)).toBeNull()
  })
})
