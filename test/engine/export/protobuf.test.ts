// The protobuf writer against the encoding guide's own examples: field 1 = 150 is 08 96 01, a string
// field 2 = "testing" is 12 07 74 65 73 74 69 6e 67, a negative int64 takes ten bytes, a float is
// little-endian fixed32, and a nested message is length-prefixed.
import { describe, expect, it } from 'vitest'
import { ProtoWriter } from '../../../engine/export/onnx/protobuf.ts'

const hex = (w: ProtoWriter) => Buffer.from(w.finish()).toString('hex')

describe('ProtoWriter', () => {
  it('writes varints, strings, negative int64, floats and nested messages', () => {
    expect(hex(new ProtoWriter().int(1, 150))).toBe('089601')
    expect(hex(new ProtoWriter().string(2, 'testing'))).toBe('120774657374696e67')
    expect(hex(new ProtoWriter().int(1, -1))).toBe('08ffffffffffffffffff01')
    expect(hex(new ProtoWriter().float(2, 1))).toBe('150000803f')
    expect(hex(new ProtoWriter().message(3, new ProtoWriter().int(1, 150)))).toBe('1a03089601')
    expect(hex(new ProtoWriter().ints(8, [1, 2]))).toBe('40014002')
    expect(hex(new ProtoWriter().int(1, 2 ** 40))).toBe('08808080808020') // 2^40 = 32 · 2^35: five empty groups, then 0x20
  })

  it('refuses a value that is not an integer', () => {
    expect(() => new ProtoWriter().int(1, 1.5)).toThrow(/needs an integer/)
  })
})
