// A minimal protocol-buffers encoder: just the wire types ONNX's ModelProto uses (varint, 64-bit-safe
// int64, fixed32 float, length-delimited bytes and nested messages). Messages are built bottom-up as
// byte chunks, so a nested message's length is known when its parent writes it. No decoding.

const text = new TextEncoder()

/** wire types of the protobuf encoding */
const VARINT = 0, LENGTH = 2, FIXED32 = 5

export class ProtoWriter {
  private chunks: Uint8Array[] = []
  private length = 0

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes)
    this.length += bytes.length
  }

  /** int64 as varint; negatives take ten bytes (two's complement), as the spec says */
  private varint(value: number | bigint): void {
    let v = BigInt.asUintN(64, BigInt(value))
    const out: number[] = []
    while (v > 0x7fn) {
      out.push(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    out.push(Number(v))
    this.push(Uint8Array.from(out))
  }

  private tag(field: number, wire: number): void {
    this.varint((field << 3) | wire)
  }

  int(field: number, value: number): this {
    if (!Number.isSafeInteger(value)) throw new Error(`protobuf: field ${field} needs an integer, got ${value}`)
    this.tag(field, VARINT)
    this.varint(value)
    return this
  }

  /** a repeated int64 field written unpacked (ONNX's schema is proto2) */
  ints(field: number, values: readonly number[]): this {
    for (const v of values) this.int(field, v)
    return this
  }

  float(field: number, value: number): this {
    this.tag(field, FIXED32)
    const b = new Uint8Array(4)
    new DataView(b.buffer).setFloat32(0, value, true)
    this.push(b)
    return this
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH)
    this.varint(value.length)
    this.push(value)
    return this
  }

  string(field: number, value: string): this {
    return this.bytes(field, text.encode(value))
  }

  /** a nested message; absent (undefined) writes nothing */
  message(field: number, child: ProtoWriter | undefined): this {
    return child ? this.bytes(field, child.finish()) : this
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length)
    let at = 0
    for (const c of this.chunks) {
      out.set(c, at)
      at += c.length
    }
    return out
  }
}
