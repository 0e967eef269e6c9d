// matmul_<s>_gflops: one s×s by s×s product through the engine's matmul op (so the backend's dispatch is
// included), 2·s³ floating-point operations per product; 1024 for every backend, 2048 and 4096 on WebGPU.
import { ops, Tensor } from '../engine/index.ts'
import { rate } from './measure.ts'

export async function matmulGflops(s = 1024): Promise<number> {
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
