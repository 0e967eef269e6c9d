// What a user wants to know about an imported dataset, in one plain object: format, splits with
// per-class counts, input shape, per-channel mean/std of the training split, skipped files, notes.
// The CLI prints it; the Data panel shows it.

import type { Dataset } from './dataset.ts'
import type { BadFile } from './errors.ts'
import type { ImportProgress, Imported } from './format.ts'
import { channelStats, classCounts } from './stats.ts'

export interface DatasetSummary {
  readonly format: string
  readonly inputShape: readonly number[]
  readonly classes: readonly string[]
  readonly splits: { name: 'train' | 'test'; count: number; perClass: number[] }[]
  readonly mean: number[]
  readonly std: number[]
  readonly bad: readonly BadFile[]
  readonly notes: readonly string[]
}

export function summarize(imported: Imported, onProgress?: (p: ImportProgress) => void): DatasetSummary {
  const parts = [['train', imported.train], ['test', imported.test]] as [DatasetSummary['splits'][number]['name'], Dataset | undefined][]
  const { mean, std } = channelStats(imported.train, onProgress)
  return {
    format: imported.format,
    inputShape: imported.train.inputShape,
    classes: imported.train.classes,
    splits: parts.filter(([, d]) => d).map(([name, d]) => ({ name, count: d!.length, perClass: classCounts(d!) })),
    mean, std, bad: imported.bad, notes: imported.notes,
  }
}
