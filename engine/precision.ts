// The float width the CPU backend stores new buffers in. float32 is the engine's working precision;
// float64 exists only so gradient checks can compare against central differences without rounding noise.
// Precision is read when a buffer is allocated, so a tensor keeps the width it was born with.

export type Precision = 'f32' | 'f64'

let current: Precision = 'f32'

export const getPrecision = (): Precision => current

export function setPrecision(p: Precision): void {
  current = p
}

/** runs fn with float64 buffers, restoring the previous precision when fn (or its promise) settles */
export function withFloat64<T>(fn: () => T): T {
  const prev = current
  current = 'f64'
  let result: T
  try {
    result = fn()
  } catch (e) {
    current = prev
    throw e
  }
  if (result instanceof Promise) return result.finally(() => { current = prev }) as T
  current = prev
  return result
}
