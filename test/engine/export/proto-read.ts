// A protobuf decoder for the tests, independent of the exporter's writer: a message becomes its fields
// by number (varints as bigint, length-delimited as bytes, fixed32 as float), and a few accessors read
// the parts of an ONNX ModelProto the tests look at (onnx.proto's field numbers).

export type Field = bigint | Uint8Array | number
export type Message = Map<number, Field[]>

export function decode(bytes: Uint8Array): Message {
  const out: Message = new Map()
  let at = 0
  const varint = (): bigint => {
    let v = 0n, shift = 0n
    for (;;) {
      const b = bytes[at++]
      if (b === undefined) throw new Error('truncated varint')
      v |= BigInt(b & 0x7f) << shift
      if (b < 0x80) return v
      shift += 7n
    }
  }
  while (at < bytes.length) {
    const key = Number(varint()), field = key >> 3, wire = key & 7
    let value: Field
    if (wire === 0) value = varint()
    else if (wire === 2) {
      const n = Number(varint())
      if (at + n > bytes.length) throw new Error(`field ${field} runs past the end`)
      value = bytes.subarray(at, at + n)
      at += n
    } else if (wire === 5) {
      value = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getFloat32(0, true)
      at += 4
    } else throw new Error(`unexpected wire type ${wire}`)
    out.set(field, [...(out.get(field) ?? []), value])
  }
  return out
}

const text = (f: Field | undefined) => new TextDecoder().decode(f as Uint8Array)
const all = (m: Message, field: number) => m.get(field) ?? []
const one = (m: Message, field: number) => m.get(field)?.[0]

export interface ReadNode { op: string; inputs: string[]; outputs: string[]; attrs: Map<string, Message> }

export function readModel(bytes: Uint8Array) {
  const model = decode(bytes)
  const graph = decode(one(model, 7) as Uint8Array)
  const valueInfo = (f: Field) => {
    const v = decode(f as Uint8Array)
    const tensorType = decode(one(decode(one(v, 2) as Uint8Array), 1) as Uint8Array)
    const dims = all(decode(one(tensorType, 2) as Uint8Array), 1).map((d) => {
      const dim = decode(d as Uint8Array)
      return dim.has(2) ? text(one(dim, 2)) : Number(one(dim, 1))
    })
    return { name: text(one(v, 1)), elemType: Number(one(tensorType, 1)), dims }
  }
  const nodes: ReadNode[] = all(graph, 1).map((f) => {
    const n = decode(f as Uint8Array)
    const attrs = new Map(all(n, 5).map((a) => { const m = decode(a as Uint8Array); return [text(one(m, 1)), m] }))
    return { op: text(one(n, 4)), inputs: all(n, 1).map(text), outputs: all(n, 2).map(text), attrs }
  })
  const opset = decode(one(model, 8) as Uint8Array)
  return {
    irVersion: Number(one(model, 1)),
    producer: text(one(model, 2)),
    producerVersion: text(one(model, 3)),
    opset: { domain: text(one(opset, 1)), version: Number(one(opset, 2)) },
    metadata: Object.fromEntries(all(model, 14).map((f) => { const e = decode(f as Uint8Array); return [text(one(e, 1)), text(one(e, 2))] })),
    inputs: all(graph, 11).map(valueInfo),
    outputs: all(graph, 12).map(valueInfo),
    initializers: all(graph, 5).map((f) => text(one(decode(f as Uint8Array), 8))),
    nodes,
  }
}

/** an INTS attribute's values */
export const intsOf = (attr: Message | undefined): number[] => (attr ? all(attr, 8).map(Number) : [])

/** an INT attribute's value */
export const intOf = (attr: Message | undefined): number | undefined => (attr?.has(3) ? Number(one(attr, 3)) : undefined)
