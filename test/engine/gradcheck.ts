// Gradient check for tests: runs fn in float64, takes the analytic gradient of sum(fn(...) · R) for a
// fixed random R by backward(R), and compares it with central differences of the same sum.
// Returns the worst relative error and where it happened, so a failing test says which element.
import { noGrad } from '../../engine/autograd.ts'
import { withFloat64 } from '../../engine/precision.ts'
import { sizeOf } from '../../engine/kernels/strides.ts'
import { uniformAt } from '../../engine/random.ts'
import { Tensor } from '../../engine/tensor.ts'

export interface CheckInput {
  shape: number[]
  /** values (default: seeded uniform in [-1, 1)) */
  data?: ArrayLike<number>
}

export interface CheckResult { maxError: number; worst: string }

/** seeded values in [lo, hi) for test inputs */
export const randomValues = (n: number, seed: number, lo = -1, hi = 1): number[] =>
  Array.from({ length: n }, (_, i) => lo + (hi - lo) * uniformAt(seed, i))

export function gradcheck(fn: (...xs: Tensor[]) => Tensor, inputs: (number[] | CheckInput)[], { eps = 1e-6, seed = 7 } = {}): Promise<CheckResult> {
  return withFloat64(async () => {
    const specs = inputs.map((s) => (Array.isArray(s) ? { shape: s } : s))
    const values = specs.map((s, i) => Float64Array.from(s.data ?? randomValues(sizeOf(s.shape), seed + 101 * i)))
    const leaves = specs.map((s, i) => Tensor.from(values[i], s.shape, { requiresGrad: true }))
    const out = fn(...leaves)
    const r = randomValues(out.size, seed + 9999)
    out.backward(Tensor.from(r, out.shape))
    const objective = async (xs: Tensor[]) => {
      const y = await noGrad(() => fn(...xs)).readF64()
      return y.reduce((acc, v, i) => acc + v * r[i], 0)
    }
    let maxError = 0, worst = 'no inputs'
    for (let i = 0; i < leaves.length; i++) {
      const g = leaves[i].grad
      if (!g) throw new Error(`gradcheck: input ${i} got no gradient`)
      const analytic = await g.readF64()
      for (let j = 0; j < values[i].length; j++) {
        const at = async (delta: number) => {
          const v = values[i].slice()
          v[j] += delta
          return objective(leaves.map((t, k) => (k === i ? Tensor.from(v, t.shape) : t.detach())))
        }
        const numeric = ((await at(eps)) - (await at(-eps))) / (2 * eps)
        const err = Math.abs(numeric - analytic[j]) / Math.max(1, Math.abs(numeric), Math.abs(analytic[j]))
        if (err > maxError || Number.isNaN(err)) {
          maxError = Number.isNaN(err) ? Infinity : err
          worst = `input ${i} element ${j}: analytic ${analytic[j]}, numeric ${numeric}`
        }
      }
    }
    return { maxError, worst }
  })
}
