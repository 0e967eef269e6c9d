// Backward frees intermediate gradients as soon as they are pushed back, and their memory is reused
// (tensors of 128×128 float32 are large enough to be pooled). What the caller can see must survive:
// leaves' .grad, the upstream gradient it passed, and forward values.
import { describe, expect, it } from 'vitest'
import { Tensor, ops } from '../../../engine/index.ts'
import { pooledSize } from '../../../engine/backend/cpu/buffer-pool.ts'

const shape = [128, 128]
const n = 128 * 128
const scribble = () => { for (let i = 0; i < 8; i++) ops.mul(Tensor.full(shape, Number.NaN), 2) }

describe('freeing gradients during backward', () => {
  it('keeps leaf gradients intact when their neighbours are recycled', async () => {
    const x = Tensor.full(shape, 3, { requiresGrad: true })
    const w = Tensor.full(shape, 2, { requiresGrad: true })
    // y = relu(x·w) + x·x: x's gradient arrives twice, through intermediate tensors
    const hidden = ops.mul(x, w)
    const y = ops.add(ops.relu(hidden), ops.mul(x, x))
    const upstream = Tensor.full(shape, 1)
    const pooled = pooledSize()
    y.backward(upstream)
    expect(pooledSize()).toBeGreaterThan(pooled)
    scribble()
    expect((await x.grad!.read()).every((v) => v === 2 + 6)).toBe(true)
    expect((await w.grad!.read()).every((v) => v === 3)).toBe(true)
    expect((await upstream.read()).every((v) => v === 1)).toBe(true)
    expect((await hidden.read()).every((v) => v === 6)).toBe(true)
  })

  it('handles a gradient passed on unchanged to two inputs (shared buffer)', async () => {
    const a = Tensor.full(shape, 1, { requiresGrad: true })
    const b = Tensor.full(shape, 1, { requiresGrad: true })
    const s = ops.add(a, b)
    ops.mul(ops.add(s, s), 0.5).backward(Tensor.full(shape, 4))
    scribble()
    const [ga, gb] = [await a.grad!.read(), await b.grad!.read()]
    expect(ga.length).toBe(n)
    expect(ga.every((v) => v === 4) && gb.every((v) => v === 4)).toBe(true)
  })

  it('accumulates into a .grad from an earlier backward without freeing it', async () => {
    const x = Tensor.full(shape, 1, { requiresGrad: true })
    ops.sum(ops.mul(x, 3)).backward()
    const first = x.grad!
    ops.sum(ops.mul(x, 5)).backward()
    scribble()
    expect((await first.read()).every((v) => v === 3)).toBe(true)
    expect((await x.grad!.read()).every((v) => v === 8)).toBe(true)
  })
})
