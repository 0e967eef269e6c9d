// relu and its backward mask on float32 bit patterns: `x > 0 ? x : 0` branches on the sign of random-looking
// activations and mispredicts about every other element (5 ns each here); masking the bits instead gives the
// same bits (NaN and −0 included: both map to +0 like the comparison) without a branch.
type Arr = Float32Array | Float64Array | Int32Array

/** a float32 array's bits, or null for other arrays */
const bitsOf = (a: Arr): Int32Array | null => (a instanceof Float32Array ? new Int32Array(a.buffer, a.byteOffset, a.length) : null)

/** all ones where the float32 with bits b is > 0 (1 … 0x7f800000: +denormals to +Inf), else 0 */
const positive = (b: number): number => -+(((b - 1) >>> 0) < 0x7f800000)

/** y = x > 0 ? x : 0 over begin…end−1 */
export function reluRange(x: Arr, y: Arr, begin: number, end: number): void {
  const xb = bitsOf(x), yb = bitsOf(y)
  if (xb && yb) for (let i = begin; i < end; i++) yb[i] = xb[i] & positive(xb[i])
  else for (let i = begin; i < end; i++) y[i] = x[i] > 0 ? x[i] : 0
}

/** z = y > 0 ? x : 0 over begin…end−1 */
export function maskPositiveRange(x: Arr, y: Arr, z: Arr, begin: number, end: number): void {
  const xb = bitsOf(x), yb = bitsOf(y), zb = bitsOf(z)
  if (xb && yb && zb) for (let i = begin; i < end; i++) zb[i] = xb[i] & positive(yb[i])
  else for (let i = begin; i < end; i++) z[i] = y[i] > 0 ? x[i] : 0
}
