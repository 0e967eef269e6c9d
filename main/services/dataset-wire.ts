// The dataset process's answers as the contract carries them: summaries with non-finite figures as
// null, preview pixels as base64, and an import's final event as a DataOutcome.

import type { DatasetSummary, PreviewClass } from '../../engine/data/index.ts'
import type { DataOutcome, DataPreviewClass, DataSummary } from '../../preload/contract.ts'
import type { DataJobEvent } from '../../engine/host/dataset-jobs.ts'

const figure = (v: number) => (Number.isFinite(v) ? v : null)

export function wireSummary(s: DatasetSummary): DataSummary {
  return {
    format: s.format, inputShape: [...s.inputShape], classes: [...s.classes],
    splits: s.splits.map((p) => ({ name: p.name, count: p.count, perClass: [...p.perClass] })),
    mean: s.mean.map(figure), std: s.std.map(figure),
    bad: s.bad.map(({ file, reason }) => ({ file, reason })), notes: [...s.notes],
  }
}

export function wirePreview(classes: PreviewClass[]): DataPreviewClass[] {
  return classes.map((c) => ({
    name: c.name, count: c.count,
    samples: c.samples.map((s) => (s.kind === 'image'
      ? { kind: 'image' as const, index: s.index, width: s.width, height: s.height, channels: s.channels,
          pixels: Buffer.from(s.pixels.buffer, s.pixels.byteOffset, s.pixels.byteLength).toString('base64') }
      : { kind: 'signal' as const, index: s.index, values: Array.from(s.values, figure) })),
  }))
}

export function wireOutcome(e: Exclude<DataJobEvent, { type: 'progress' }>): DataOutcome {
  if (e.type === 'imported') {
    return { ok: true, summary: wireSummary(e.summary), spec: e.spec as unknown as Record<string, unknown>, preview: e.preview && wirePreview(e.preview) }
  }
  if (e.type === 'failed') return { ok: false, file: e.file, reason: e.reason, bad: e.bad, cancelled: e.cancelled }
  return { ok: false, file: '', reason: `the dataset process answered ${e.type} to an import`, bad: [], cancelled: false }
}
