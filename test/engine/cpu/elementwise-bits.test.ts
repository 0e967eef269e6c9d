// relu and its backward mask on float32 bits give exactly what the comparison `x > 0 ? x : 0` gives, on the
// values where a bit trick could go wrong: ±0, ±denormals, ±Inf, NaNs of either sign, the largest finite floats.
import { describe, expect, it } from 'vitest'
import { maskPositiveRange, reluRange } from '../../../engine/kernels/elementwise-bits.ts'

const bits = (a: Float32Array) => Array.from(new Int32Array(a.buffer, a.byteOffset, a.length))

function awkward(): Float32Array {
  const special = new Float32Array([0, -0, 1e-45, -1e-45, 1.1754942e-38, -1.1754942e-38, Infinity, -Infinity, NaN, 3.4028235e38, -3.4028235e38, 1, -1])
  const negNaN = new Float32Array(new Int32Array([0xffc00000 | 0, 0x7f800001, 0xff800001 | 0, 0x7fffffff]).buffer)
  const random = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 1e3)
  return Float32Array.from([...special, ...negNaN, ...random])
}

describe('relu and its mask on float32 bits', () => {
  it('relu matches x > 0 ? x : 0 bit for bit, over a sub-range only', () => {
    const x = awkward(), y = new Float32Array(x.length).fill(7), want = new Float32Array(x.length).fill(7)
    reluRange(x, y, 2, x.length - 3)
    for (let i = 2; i < x.length - 3; i++) want[i] = x[i] > 0 ? x[i] : 0
    expect(bits(y)).toEqual(bits(want))
  })

  it('the mask passes x where y > 0 and +0 elsewhere, bit for bit', () => {
    const y = awkward(), x = Float32Array.from(y, (_, i) => (i % 3) - 1.5 + i), z = new Float32Array(y.length), want = new Float32Array(y.length)
    maskPositiveRange(x, y, z, 0, y.length)
    for (let i = 0; i < y.length; i++) want[i] = y[i] > 0 ? x[i] : 0
    expect(bits(z)).toEqual(bits(want))
  })

  it('float64 arrays (gradient checks) take the comparison', () => {
    const x = Float64Array.from([-2, -0, 0, 3, NaN, -Infinity]), y = new Float64Array(6), z = new Float64Array(6)
    reluRange(x, y, 0, 6)
    expect(Array.from(y)).toEqual([0, 0, 0, 3, 0, 0])
    maskPositiveRange(Float64Array.from([1, 2, 3, 4, 5, 6]), x, z, 0, 6)
    expect(Array.from(z)).toEqual([0, 0, 0, 4, 0, 0])
  })
})
