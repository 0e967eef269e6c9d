// Exporting a trained model: the spec and its weights in one of three formats, as named files for the
// caller to write (the engine touches no disk). onnx: one .onnx file; pytorch: a folder of model.py,
// weights.npz and README.md; npz: the weights alone. Every format checks the weights against the spec first.

import { metadataEntries, type ExportMetadata } from './metadata.ts'
import { encodeNpz } from './npz/npz.ts'
import { exportOnnx } from './onnx/export-onnx.ts'
import { modelPy } from './pytorch/model-py.ts'
import { readme } from './pytorch/readme.ts'
import { ExportError, prepareExport, type ExportModel, type Weights } from './weights.ts'

export const EXPORT_FORMATS = ['onnx', 'pytorch', 'npz'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** one file of an export: a name inside the export folder (pytorch) or the file itself (onnx, npz) */
export interface ExportFile { name: string; data: Uint8Array | string }

export const isExportFormat = (f: unknown): f is ExportFormat => EXPORT_FORMATS.includes(f as ExportFormat)

/** the weights the spec uses, by "<nodeId>.<name>" */
function usedWeights(model: ExportModel, weights: Weights): Weights {
  const out: Weights = {}
  for (const { node, info } of model.nodes) for (const name of Object.keys(info.paramShapes)) out[`${node.id}.${name}`] = weights[`${node.id}.${name}`]
  return out
}

export function exportModel(format: ExportFormat, spec: unknown, weights: Weights, meta: ExportMetadata): ExportFile[] {
  if (!isExportFormat(format)) throw new ExportError(`unknown export format ${JSON.stringify(format)}; use one of ${EXPORT_FORMATS.join(', ')}`)
  if (format === 'onnx') return [{ name: 'model.onnx', data: exportOnnx(spec, weights, meta) }]
  const model = prepareExport(spec, weights)
  const npz = encodeNpz(usedWeights(model, weights))
  if (format === 'npz') return [{ name: 'weights.npz', data: npz }]
  return [
    { name: 'model.py', data: modelPy(model, meta) },
    { name: 'weights.npz', data: npz },
    { name: 'README.md', data: readme(meta, model.inputShape) },
  ]
}

export { ExportError, metadataEntries, exportOnnx, modelPy, encodeNpz, prepareExport }
export type { ExportMetadata, Weights }
export type { WeightTensor } from './weights.ts'
