// A checked model and its weights as an ONNX model (opset 17, IR version 8): one float input "<input id>"
// of shape [batch, ...inputShape] with a symbolic batch size, one output named after the spec's output
// node, every layer mapped by its family's file, and the metadata as metadata_props.

import type { NodeSpec, OpName } from '../../graph/spec.ts'
import { metadataEntries, type ExportMetadata } from '../metadata.ts'
import type { ExportModel } from '../prepare.ts'
import * as basic from './basic-layers.ts'
import * as convs from './conv-layers.ts'
import { OnnxGraph, type LayerToOnnx } from './onnx-graph.ts'
import { encodeModel } from './onnx-proto.ts'
import * as pools from './pool-layers.ts'

type Table = { [K in Exclude<OpName, 'input'>]: LayerToOnnx<Extract<NodeSpec, { op: K }>> }

const LAYERS: Table = { ...convs, ...pools, ...basic }

/** the symbolic name of the batch dimension */
export const BATCH = 'batch'

export function onnxModel(model: ExportModel, meta: ExportMetadata): Uint8Array {
  const graph = new OnnxGraph()
  const values = new Map<string, string>()
  for (const { node, info } of model.nodes) {
    if (node.op === 'input') {
      values.set(node.id, graph.reserve(node.id))
      continue
    }
    const layer = LAYERS[node.op] as unknown as LayerToOnnx
    values.set(node.id, layer({
      node, info, graph,
      inputs: node.inputs!.map((id) => values.get(id)!),
      weight: (name) => model.weights[`${node.id}.${name}`],
    }))
  }
  const inputId = model.nodes.find(({ node }) => node.op === 'input')!.node.id
  let output = values.get(model.spec.output)!
  // a graph output must be a value of its own (dropout passes its input through)
  if (output !== model.spec.output) output = graph.op('Identity', [output], model.spec.output)
  return encodeModel({
    producer: meta.producer,
    graphName: meta.name ?? 'receptive',
    doc: 'Exported from Receptive. Inputs are normalised first: (x - normalization.mean) / normalization.std per channel.',
    nodes: graph.nodes,
    initializers: graph.initializers,
    inputs: [{ name: values.get(inputId)!, dims: [BATCH, ...model.inputShape] }],
    outputs: [{ name: output, dims: [BATCH, ...model.outputShape] }],
    metadata: metadataEntries(meta),
  })
}
