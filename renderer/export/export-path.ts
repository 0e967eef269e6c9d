// The Export dialog's choices: the three formats main writes (engine/export) in words, and the path a
// run suggests for each: its name as a file-system-safe stem, with the format's extension (a folder
// for PyTorch), beside the project when main's working folder is taken as the base.

export type ExportFormat = 'onnx' | 'pytorch' | 'npz'

export const EXPORT_CHOICES: { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'onnx', label: 'ONNX model (.onnx)', detail: 'one file for onnxruntime, Netron, TensorRT…, with the classes and normalisation' },
  { format: 'pytorch', label: 'PyTorch folder', detail: 'model.py, weights.npz and a README: load it with torch' },
  { format: 'npz', label: 'NumPy weights (.npz)', detail: 'every parameter as an array, named <layer>.<parameter>' },
]

/** a run name as a file name: letters, digits, dot, dash and underscore; other runs of characters become one dash */
export function fileStem(name: string): string {
  const stem = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '')
  return stem || 'model'
}

/** the path suggested for a run's export in `format`, or the same path moved to another format's extension */
export function exportPath(format: ExportFormat, runName: string, current?: string): string {
  const base = current?.trim() ? current.trim().replace(/(\.onnx|\.npz|-pytorch)$/i, '') : fileStem(runName)
  return format === 'pytorch' ? `${base}-pytorch` : `${base}.${format}`
}
