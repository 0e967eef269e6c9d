// What the ONNX file says about itself, read back with an independent protobuf decoder: IR version 8 and
// opset 17, producer and metadata_props (classes, normalisation), the input and output names with a
// symbolic batch dimension, explicit pads everywhere (no auto_pad), no Dropout, the standard-op forms of
// unshared convolution and pooling over channels, weights refused when missing, and stable bytes.
import { describe, expect, it } from 'vitest'
import { exportOnnx } from '../../../engine/export/index.ts'
import { ExportError } from '../../../engine/export/prepare.ts'
import { OP_NAMES, TEMPLATES } from '../../../engine/graph/index.ts'
import { exportCase } from './export-models.ts'
import { intOf, intsOf, readModel } from './proto-read.ts'
import { EVERY_KIND } from './specs.ts'

const meta = {
  producer: { name: 'Receptive', version: '1.2.3' },
  name: 'lenet run',
  classes: ['T-shirt', 'Trouser "2"'],
  normalization: { mean: [0.286], std: [0.353] },
}

describe('ONNX model contents', () => {
  it('records versions, producer, metadata and a symbolic batch', async () => {
    const spec = TEMPLATES.lenet5.spec()
    const { weights } = await exportCase(spec)
    const m = readModel(exportOnnx(spec, weights, meta))
    expect(m.irVersion).toBe(8)
    expect(m.opset).toEqual({ domain: '', version: 17 })
    expect([m.producer, m.producerVersion]).toEqual(['Receptive', '1.2.3'])
    expect(JSON.parse(m.metadata.classes)).toEqual(meta.classes)
    expect(JSON.parse(m.metadata['normalization.mean'])).toEqual([0.286])
    expect(JSON.parse(m.metadata['normalization.std'])).toEqual([0.353])
    expect(m.metadata.producer).toBe('Receptive 1.2.3')
    expect(m.inputs).toEqual([{ name: 'input', elemType: 1, dims: ['batch', 1, 28, 28] }])
    expect(m.outputs).toEqual([{ name: 'fc3', elemType: 1, dims: ['batch', 10] }])
    expect(m.nodes.map((n) => n.op)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Relu', 'MaxPool', 'Flatten', 'Gemm', 'Relu', 'Gemm', 'Relu', 'Gemm'])
    expect(intsOf(m.nodes[0].attrs.get('pads'))).toEqual([2, 2, 2, 2])
    expect(m.nodes.filter((n) => n.op === 'Gemm').map((n) => intOf(n.attrs.get('transB')))).toEqual([1, 1, 1])
  })

  it('writes explicit pads, no auto_pad and no Dropout; special layers in standard ops', async () => {
    // the graph must keep using every op of the spec as ops are added
    expect(new Set(EVERY_KIND.nodes.map((n) => n.op))).toEqual(new Set(OP_NAMES))
    const { weights } = await exportCase(EVERY_KIND)
    const m = readModel(exportOnnx(EVERY_KIND, weights, meta))
    expect(m.nodes.some((n) => n.attrs.has('auto_pad'))).toBe(false)
    expect(m.nodes.some((n) => n.op === 'Dropout')).toBe(false)
    for (const n of m.nodes.filter((n) => ['Conv', 'MaxPool', 'AveragePool', 'LpPool'].includes(n.op))) expect(n.attrs.has('pads')).toBe(true)
    const producing = (id: string) => m.nodes.filter((n) => n.outputs[0] === id || n.outputs[0].startsWith(`${id}/`)).map((n) => n.op)
    expect(producing('lc')).toEqual(['Conv', 'Unsqueeze', 'Mul', 'ReduceSum', 'Add'])
    expect(producing('tc')).toEqual(['Conv', 'Unsqueeze', 'Mul', 'ReduceSum', 'Add'])
    expect(producing('mx')).toEqual(['Reshape', 'ReduceMax'])
    expect(producing('bn')).toEqual(['BatchNormalization'])
    // dropout passes d1 straight to the concat
    expect(m.nodes.find((n) => n.outputs[0] === 'j')!.inputs).toEqual(['d1', 'sg'])
    expect(m.outputs[0].name).toBe('sm')
  })

  it('leaves out a branch the output does not depend on', async () => {
    const spec = TEMPLATES.lenet5.spec()
    spec.nodes.push({ id: 'loose', op: 'conv', inputs: ['input'], filters: 2, kernel: [3, 3] })
    const { weights } = await exportCase(spec)
    const m = readModel(exportOnnx(spec, weights, meta))
    expect(m.nodes.some((n) => n.outputs[0].startsWith('loose'))).toBe(false)
    expect(m.initializers.some((name) => name.startsWith('loose'))).toBe(false)
  })

  it('is byte-for-byte the same for the same model', async () => {
    const spec = TEMPLATES.lenet5.spec()
    const { weights } = await exportCase(spec)
    expect(Buffer.from(exportOnnx(spec, weights, meta)).equals(exportOnnx(spec, weights, meta))).toBe(true)
  })

  it('refuses missing or mismatched weights, naming the parameter', async () => {
    const spec = TEMPLATES.lenet5.spec()
    const { weights } = await exportCase(spec)
    expect(() => exportOnnx(spec, {}, meta)).toThrow(/no weights to export/)
    const { ['fc2.bias']: _, ...partial } = weights
    expect(() => exportOnnx(spec, partial, meta)).toThrow(ExportError)
    expect(() => exportOnnx(spec, partial, meta)).toThrow(/fc2\.bias/)
    expect(() => exportOnnx(spec, { ...weights, 'fc1.weight': { shape: [3], data: new Float32Array(3) } }, meta)).toThrow(/fc1\.weight holds 3 values/)
  })
})
