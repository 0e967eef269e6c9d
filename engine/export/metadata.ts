// What an export records beside the weights: the class labels (output index → name), the input
// normalisation a caller must apply first ((x − mean) / std per channel) and who produced the file.

export interface ExportMetadata {
  /** the producer's name and version, e.g. Receptive 0.1.0 */
  producer: { name: string; version: string }
  /** the model's name (the run's name) */
  name?: string
  /** class names in output order */
  classes?: string[]
  /** per-channel mean and std of the training data; inputs are normalised with them before the model */
  normalization?: { mean: number[]; std: number[] }
}

/** the metadata as string pairs (ONNX metadata_props, the PyTorch README): lists as JSON */
export function metadataEntries(m: ExportMetadata): Record<string, string> {
  const out: Record<string, string> = { producer: `${m.producer.name} ${m.producer.version}` }
  if (m.name) out.name = m.name
  if (m.classes) out.classes = JSON.stringify(m.classes)
  if (m.normalization) {
    out['normalization.mean'] = JSON.stringify(m.normalization.mean)
    out['normalization.std'] = JSON.stringify(m.normalization.std)
  }
  return out
}
