// The slice of onnx.proto an exporter writes: ModelProto with one GraphProto of nodes, float initializers,
// typed inputs/outputs and metadata. Field numbers are onnx.proto's (IR version 8, opset 17); each
// interface mirrors its message so the encoders below read one-to-one against the schema.

import { ProtoWriter } from './protobuf.ts'

export const IR_VERSION = 8
export const OPSET = 17

/** TensorProto.DataType */
export const FLOAT = 1, INT64 = 7

/** an attribute value: number (int unless listed as float), number list, string, or a float */
export type AttrValue = number | number[] | string | { float: number }

export interface OnnxNode {
  op: string
  inputs: string[]
  outputs: string[]
  name: string
  attrs?: Record<string, AttrValue>
}

/** an initializer: float32 weights or int64 constants (shapes for Reshape, axes for ReduceSum) */
export interface OnnxTensor {
  name: string
  dims: number[]
  data: Float32Array | BigInt64Array
}

/** a graph input or output: float tensor, a string dimension is symbolic (the batch) */
export interface OnnxValue {
  name: string
  dims: (number | string)[]
}

export interface OnnxModel {
  producer: { name: string; version: string }
  graphName: string
  doc?: string
  nodes: OnnxNode[]
  initializers: OnnxTensor[]
  inputs: OnnxValue[]
  outputs: OnnxValue[]
  metadata: Record<string, string>
}

// AttributeProto.AttributeType
const ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_STRING = 3, ATTR_INTS = 7

function attribute(name: string, v: AttrValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name)
  if (typeof v === 'number') return w.int(3, v).int(20, ATTR_INT)
  if (typeof v === 'string') return w.string(4, v).int(20, ATTR_STRING)
  if (Array.isArray(v)) return w.ints(8, v).int(20, ATTR_INTS)
  return w.float(2, v.float).int(20, ATTR_FLOAT)
}

function node(n: OnnxNode): ProtoWriter {
  const w = new ProtoWriter()
  for (const i of n.inputs) w.string(1, i)
  for (const o of n.outputs) w.string(2, o)
  w.string(3, n.name).string(4, n.op)
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.message(5, attribute(k, v))
  return w
}

function tensor(t: OnnxTensor): ProtoWriter {
  // raw_data is little-endian, as typed arrays are on every platform Receptive runs on
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength)
  return new ProtoWriter().ints(1, t.dims).int(2, t.data instanceof Float32Array ? FLOAT : INT64)
    .string(8, t.name).bytes(9, raw.slice())
}

function valueInfo(v: OnnxValue): ProtoWriter {
  const shape = new ProtoWriter()
  for (const d of v.dims) shape.message(1, typeof d === 'string' ? new ProtoWriter().string(2, d) : new ProtoWriter().int(1, d))
  const tensorType = new ProtoWriter().int(1, FLOAT).message(2, shape)
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType))
}

export function encodeModel(m: OnnxModel): Uint8Array {
  const graph = new ProtoWriter()
  for (const n of m.nodes) graph.message(1, node(n))
  graph.string(2, m.graphName)
  for (const t of m.initializers) graph.message(5, tensor(t))
  if (m.doc) graph.string(10, m.doc)
  for (const v of m.inputs) graph.message(11, valueInfo(v))
  for (const v of m.outputs) graph.message(12, valueInfo(v))
  const model = new ProtoWriter().int(1, IR_VERSION).string(2, m.producer.name).string(3, m.producer.version)
    .message(7, graph).message(8, new ProtoWriter().string(1, '').int(2, OPSET))
  for (const [key, value] of Object.entries(m.metadata)) model.message(14, new ProtoWriter().string(1, key).string(2, value))
  return model.finish()
}
