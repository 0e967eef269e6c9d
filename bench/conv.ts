// conv2d_fwd_gflops and conv2d_fwdbwd_gflops: [64, 32, 32, 32] * [64, 32, 3, 3], same padding, through ops.conv.
// FLOPs counted as the anchor does: 2·N·F·C·H·W·9 forward, three times that forward + backward (dx and dw).
import { ops, Tensor } from '../engine/index.ts'
import { rate } from './measure.ts'

const N = 64, C = 32, H = 32, W = 32, F = 64, K = 3
const FWD_GFLOP = (2 * N * F * C * H * W * K * K) / 1e9

const values = (n: number) => Float32Array.from({ length: n }, (_, i) => ((i * 2654435761) % 2001) / 1000 - 1)

export async function convGflops(): Promise<{ fwd: number; fwdbwd: number }> {
  const x = Tensor.from(values(N * C * H * W), [N, C, H, W], { requiresGrad: true })
  const w = Tensor.from(values(F * C * K * K), [F, C, K, K], { requiresGrad: true })
  const opts = { padding: 'same' as const }
  const fwd = await rate(async () => {
    const y = ops.conv(x.detach(), w.detach(), undefined, opts)
    await y.read()
    y.dispose()
  }, FWD_GFLOP, { reps: 5, seconds: 1 })
  const ones = Tensor.ones([N, F, H, W])
  const fwdbwd = await rate(async () => {
    const y = ops.conv(x, w, undefined, opts)
    y.backward(ones)
    await w.grad!.read()
    for (const t of [y, x.grad, w.grad]) t?.dispose()
    x.grad = w.grad = null
  }, 3 * FWD_GFLOP, { reps: 5, seconds: 1 })
  for (const t of [x, w, ones]) t.dispose()
  return { fwd, fwdbwd }
}
