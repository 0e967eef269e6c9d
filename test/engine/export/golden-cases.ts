// The models of the PyTorch golden check, by name: every template, one spec per layer kind and variant,
// and the graph with every kind. The fixture generator exports each and PyTorch runs the exported
// model.py; the test recomputes the same export and compares the engine's outputs with PyTorch's.
import { createHash } from 'node:crypto'
import { exportModel } from '../../../engine/export/index.ts'
import { TEMPLATES, type ModelSpec } from '../../../engine/graph/index.ts'
import { exportCase, sampleCount, seeded, type ExportCase } from './export-models.ts'
import { EVERY_KIND, ODD_NAMES, singleNode } from './specs.ts'

export const GOLDEN_SEED = 99
export const GOLDEN_BATCH = 2
export const GOLDEN_META = {
  producer: { name: 'Receptive', version: 'golden' },
  classes: ['zero', 'one'],
  normalization: { mean: [0.5], std: [0.25] },
}

export const goldenCases = (): [string, ModelSpec][] => [
  ...Object.entries(TEMPLATES).map(([name, t]): [string, ModelSpec] => [`template-${name}`, t.spec()]),
  ...singleNode.map(([name, spec]): [string, ModelSpec] => [name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '').toLowerCase(), spec]),
  ['every-kind', EVERY_KIND],
  ['odd-names', ODD_NAMES],
]

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex')

export interface GoldenExport extends ExportCase {
  files: Record<string, Uint8Array | string>
  input: Float32Array
}

export async function goldenExport(spec: ModelSpec): Promise<GoldenExport> {
  const c = await exportCase(spec)
  const files = Object.fromEntries(exportModel('pytorch', spec, c.weights, GOLDEN_META).map((f) => [f.name, f.data]))
  return { ...c, files, input: seeded(sampleCount(c.model, GOLDEN_BATCH), GOLDEN_SEED) }
}
