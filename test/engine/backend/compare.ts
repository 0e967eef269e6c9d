// How a backend's results are held against the CPU's: every element within 1e-4 relative, where values
// near zero are judged against one hundredth of the tensor's largest magnitude (sums of many float32 terms
// that cancel keep only the terms' absolute rounding, not their relative one). No test-runner imports, so
// the page run of the suite (test/e2e/webgpu.spec.ts) bundles the same rule.

/** the largest error of `actual` against `expected` under that rule, and where it is (−1: none) */
export function worstError(actual: ArrayLike<number>, expected: ArrayLike<number>): { worst: number; at: number } {
  if (actual.length !== expected.length) return { worst: Infinity, at: -1 }
  let scale = 0
  for (let i = 0; i < expected.length; i++) if (Number.isFinite(expected[i])) scale = Math.max(scale, Math.abs(expected[i]))
  let worst = 0, at = -1
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i], a = actual[i]
    if (Object.is(e, a) || (Number.isNaN(e) && Number.isNaN(a))) continue
    const err = Math.abs(a - e) / Math.max(Math.abs(e), 1e-2 * scale, 1e-30)
    if (!(err <= worst)) { worst = err; at = i }
  }
  return { worst, at }
}

export const TOLERANCE = 1e-4
