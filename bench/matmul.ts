// matmul_1024_gflops: one 1024×1024 by 1024×1024 product through the engine's matmul op (so the backend's
// dispatch is included), 2·1024³ floating-point operations per product.
import { ops, Tensor } from '../engine/index.ts'
import { rate } from './measure.ts'

export async function matmulGflops(): Promise<number> {
  const s = 1024
  const values = Float32Array.from({ length: s * s }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5)
  const a = Tensor.from(values, [s, s]), b = Tensor.from(values, [s, s])
  const gflops = await rate(async () => {
    const c = ops.matmul(a, b)
    await c.read()
    c.dispose()
  }, (2 * s ** 3) / 1e9)
  a.dispose()
  b.dispose()
  return gflops
}
