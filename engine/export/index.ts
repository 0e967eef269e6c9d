// Exporting a trained model: the spec and its weights in one of three formats, as named files for the
// caller to write (the engine touches no disk). onnx: one .onnx file; pytorch: a folder of model.py,
// weights.npz and README.md; npz: the weights alone. One exporter per format, each given the spec already
// checked against its weights (prepareExport), so every format refuses missing weights the same way.

import type { ExportMetadata } from './metadata.ts'
import { encodeNpz } from './npz/npz.ts'
import { onnxModel } from './onnx/export-onnx.ts'
import { modelPy } from './pytorch/model-py.ts'
import { readme } from './pytorch/readme.ts'
import { ExportError, prepareExport, type ExportModel, type Weights } from './prepare.ts'

export const EXPORT_FORMATS = ['onnx', 'pytorch', 'npz'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** one file of an export: a name inside the export folder (pytorch) or the file itself (onnx, npz) */
export interface ExportFile { name: string; data: Uint8Array | string }

type Exporter = (model: ExportModel, meta: ExportMetadata) => ExportFile[]

const EXPORTERS: Record<ExportFormat, Exporter> = {
  onnx: (model, meta) => [{ name: 'model.onnx', data: onnxModel(model, meta) }],
  pytorch: (model, meta) => [
    { name: 'model.py', data: modelPy(model, meta) },
    { name: 'weights.npz', data: encodeNpz(model.weights) },
    { name: 'README.md', data: readme(meta, model.inputShape) },
  ],
  npz: (model) => [{ name: 'weights.npz', data: encodeNpz(model.weights) }],
}

export const isExportFormat = (f: unknown): f is ExportFormat => EXPORT_FORMATS.includes(f as ExportFormat)

export function exportModel(format: ExportFormat, spec: unknown, weights: Weights, meta: ExportMetadata): ExportFile[] {
  if (!isExportFormat(format)) throw new ExportError(`unknown export format ${JSON.stringify(format)}; use one of ${EXPORT_FORMATS.join(', ')}`)
  return EXPORTERS[format](prepareExport(spec, weights), meta)
}

/** the .onnx bytes of a spec and its weights */
export const exportOnnx = (spec: unknown, weights: Weights, meta: ExportMetadata): Uint8Array => onnxModel(prepareExport(spec, weights), meta)

export { ExportError, prepareExport }
export { metadataEntries, type ExportMetadata } from './metadata.ts'
export type { ExportModel, Weights, WeightTensor } from './prepare.ts'
