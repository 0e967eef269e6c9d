// NumPy .npy header: "\x93NUMPY", version, header length, then a Python dict literal such as
// {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 28, 28), }. The literal is parsed by a
// tiny recursive-descent reader (strings, numbers, booleans, tuples, dicts): never evaluated.

import type { Dtype } from '../dtype.ts'

export interface NpyHeader {
  /** element type; 'i64' / 'u64' are accepted for labels only */
  readonly dtype: Dtype | 'i64' | 'u64'
  readonly littleEndian: boolean
  readonly shape: number[]
  readonly headerBytes: number
  readonly payloadBytes: number
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY
const KINDS: Record<string, NpyHeader['dtype']> = {
  u1: 'u8', i1: 'i8', u2: 'u16', i2: 'i16', u4: 'u32', i4: 'i32', u8: 'u64', i8: 'i64', f4: 'f32', f8: 'f64',
}

export const isNpy = (head: Uint8Array): boolean => MAGIC.every((b, i) => head[i] === b)

/** parses the header; undefined when `head` is too short to hold it; throws a reason string on bad input */
export function parseNpyHeader(head: Uint8Array): NpyHeader | undefined {
  if (head.length < 10) return undefined
  if (!isNpy(head)) throw new Error('not a NumPy .npy array (no \\x93NUMPY magic)')
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  const major = head[6]
  const wide = major >= 2
  if (wide && head.length < 12) return undefined
  const len = wide ? view.getUint32(8, true) : view.getUint16(8, true)
  const start = wide ? 12 : 10
  if (head.length < start + len) return undefined
  const text = new TextDecoder(major >= 3 ? 'utf-8' : 'latin1').decode(head.subarray(start, start + len))
  const dict = new Literal(text).value()
  if (!dict || typeof dict !== 'object' || Array.isArray(dict)) throw new Error(`header is not a dict: ${text.trim()}`)
  const { descr, fortran_order: fortran, shape } = dict as Record<string, unknown>
  if (typeof descr !== 'string') throw new Error(`unsupported dtype ${JSON.stringify(descr)} (structured arrays are not supported)`)
  const kind = KINDS[descr.slice(1)]
  if (!kind || !'<>|='.includes(descr[0])) throw new Error(`unsupported dtype '${descr}' (use uint8, int8-64, float32 or float64)`)
  if (fortran === true) throw new Error('Fortran-order arrays are not supported: save with np.ascontiguousarray(a)')
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`bad shape ${JSON.stringify(shape)}`)
  const size = Number(descr.slice(2))
  return {
    dtype: kind, littleEndian: descr[0] !== '>', shape: shape as number[], headerBytes: start + len,
    payloadBytes: (shape as number[]).reduce((a, b) => a * b, 1) * size,
  }
}

type Value = string | number | boolean | null | Value[] | { [k: string]: Value }

/** a reader for the Python literal subset NumPy writes */
class Literal {
  private i = 0
  constructor(private readonly s: string) {}

  value(): Value {
    this.skip()
    const c = this.s[this.i]
    if (c === '{') return this.seq('}', true) as { [k: string]: Value }
    if (c === '(' || c === '[') return this.seq(c === '(' ? ')' : ']', false) as Value[]
    if (c === "'" || c === '"') {
      const end = this.s.indexOf(c, this.i + 1)
      if (end < 0) throw new Error('unterminated string in header')
      const v = this.s.slice(this.i + 1, end)
      this.i = end + 1
      return v
    }
    const m = /^(True|False|None|-?\d+L?)/.exec(this.s.slice(this.i))
    if (!m) throw new Error(`unexpected '${this.s.slice(this.i, this.i + 12)}' in header`)
    this.i += m[0].length
    return m[0] === 'True' ? true : m[0] === 'False' ? false : m[0] === 'None' ? null : parseInt(m[0], 10)
  }

  private seq(close: string, dict: boolean): Value[] | { [k: string]: Value } {
    this.i++
    const items: Value[] = []
    const obj: { [k: string]: Value } = {}
    for (;;) {
      this.skip()
      if (this.s[this.i] === close) { this.i++; return dict ? obj : items }
      const v = this.value()
      if (dict) {
        this.skip()
        if (this.s[this.i++] !== ':') throw new Error('expected : in header dict')
        obj[String(v)] = this.value()
      } else items.push(v)
      this.skip()
      if (this.s[this.i] === ',') this.i++
      else if (this.s[this.i] !== close) throw new Error(`expected , or ${close} in header`)
    }
  }

  private skip(): void { while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++ }
}
