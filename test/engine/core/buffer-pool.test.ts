// The CPU backend recycles large arrays: a disposed buffer's memory is handed out again for the same
// size, and ops that receive stale memory still produce exact results (kernels overwrite their outputs).
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import type { CpuBuffer } from '../../../engine/backend/cpu/cpu-backend.ts'

const big = [64, 1024]
const memoryOf = (t: Tensor) => (t.buffer as CpuBuffer).data.buffer

describe('CPU buffer pool', () => {
  it('reuses a disposed buffer of the same size', () => {
    const a = Tensor.full(big, 7)
    const memory = memoryOf(a)
    a.dispose()
    expect(memoryOf(Tensor.empty(big))).toBe(memory)
  })

  it('gives exact results on recycled memory', async () => {
    // each output's size is first filled with NaN and disposed, so the op receives that memory
    const poison = (shape: number[]) => Tensor.full(shape, Number.NaN).dispose()
    const values = Array.from({ length: 256 * 1024 }, (_, i) => i % 5)
    const x = Tensor.from(values, [256, 1024])

    poison([512, 1024])
    expect(Array.from(await ops.concat([x, x], 0).read())).toEqual([...values, ...values])

    poison([256, 64])
    const rows = await ops.matmul(x, Tensor.ones([1024, 64])).read()
    const rowSum = (r: number) => values.slice(r * 1024, (r + 1) * 1024).reduce((s, v) => s + v, 0)
    expect(Array.from(rows.filter((_, i) => i % 64 === 0))).toEqual([...Array(256).keys()].map(rowSum))

    poison([16 * 1024])
    const cols = await ops.sum(ops.reshape(x, [16, 16 * 1024]), 0).read()
    expect(cols[3]).toBe([...Array(16).keys()].reduce((s, r) => s + values[r * 16 * 1024 + 3], 0))
  })
})
