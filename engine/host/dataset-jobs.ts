// The dataset job of an engine host: one import or preview, so that decoding a folder of images never
// blocks main's event loop. An import reads a source with the spec's options and returns its summary and the spec completed with
// the shape, classes and mean/std it found; a preview draws a few samples of each class of one split.
// Both read through the decoded-data cache, so the second open of a slow folder is fast.

import {
  AugmentedDataset, DataError, ImportAborted, openSource, previewGrid, splitValidation, summarize,
  type BadFile, type Dataset, type DatasetSpec, type DatasetSummary, type ImportContext, type Imported, type ImportProgress, type PreviewClass,
} from '../data/index.ts'
import type { HostChannel } from './host-session.ts'

/** which part of a dataset a preview shows (validation is split off train with the spec's seed) */
export type PreviewSplit = 'train' | 'validation' | 'test'

/** main → dataset process */
export type DataJob =
  /** `preview`: samples per class of the training split to send with the summary (0: none) */
  | { kind: 'import'; spec: DatasetSpec; cacheDir: string; preview: number }
  | { kind: 'preview'; spec: DatasetSpec; split: PreviewSplit; perClass: number; augmented: boolean; cacheDir: string }
export type DataJobMessage = DataJob | { kind: 'cancel' }

/** why a job produced nothing: the file at fault, the reason, every file skipped, and whether it was cancelled */
export interface DataFailure { file: string; reason: string; bad: BadFile[]; cancelled: boolean }

/** dataset process → main: progress while it works, then exactly one of the others */
export type DataJobEvent =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'imported'; summary: DatasetSummary; spec: DatasetSpec; preview: PreviewClass[] | null }
  | { type: 'preview'; classes: PreviewClass[] }
  | ({ type: 'failed' } & DataFailure)

/** how a spec names its source in messages */
export const sourceName = (spec: DatasetSpec): string =>
  spec.source.kind === 'builtin' ? `built-in ${spec.source.id}` : spec.source.path

/** reads the source, summarises it and completes the spec; with `previewPerClass`, also the first look at its training split */
async function importJob(spec: DatasetSpec, ctx: ImportContext, previewPerClass = 0) {
  const imported = await openSource(spec, ctx)
  const summary = summarize(imported, ctx.onProgress)
  // the format found is recorded, so later opens (training) skip detection
  const source = spec.source.kind === 'path' && imported.format !== 'builtin' ? { ...spec.source, format: imported.format } : spec.source
  const given = spec.normalization
  const normalization = given.mode === 'standardize' && !(given.mean && given.std)
    ? { mode: 'standardize' as const, mean: summary.mean, std: summary.std } : given
  const completed: DatasetSpec = { ...spec, source, inputShape: [...summary.inputShape], classes: [...summary.classes], normalization }
  const preview = previewPerClass > 0 ? previewOf(imported, completed, 'train', previewPerClass, false) : null
  return { summary, spec: completed, preview }
}

/** up to `perClass` samples of each class of one split, optionally as the first epoch's augmentation draws them */
function previewOf(imported: Imported, spec: DatasetSpec, split: PreviewSplit, perClass: number, augmented: boolean): PreviewClass[] {
  let ds: Dataset | undefined
  if (split === 'test') ds = imported.test
  else {
    const parts: { train: Dataset; validation?: Dataset } = spec.split.validation > 0
      ? splitValidation(imported.train, spec.split.validation, spec.split.seed) : { train: imported.train }
    ds = split === 'train' ? parts.train : parts.validation
  }
  if (!ds) throw new DataError(sourceName(spec), `has no ${split} split`)
  if (augmented && Object.keys(spec.augmentation).length) {
    const aug = new AugmentedDataset(ds, spec.augmentation, spec.augmentationSeed)
    aug.setEpoch(1) // the draws of the first training epoch
    ds = aug
  }
  return previewGrid(ds, perClass)
}

function failureOf(err: unknown, spec: DatasetSpec): DataFailure {
  if (err instanceof ImportAborted) return { file: sourceName(spec), reason: 'import cancelled', bad: [], cancelled: true }
  if (err instanceof DataError) return { file: err.file, reason: err.reason, bad: [...err.bad], cancelled: false }
  return { file: sourceName(spec), reason: err instanceof Error ? err.message : String(err), bad: [], cancelled: false }
}

/** runs one job to its final event, reporting progress (at most every `everyMs`, and each phase's end) */
async function runDataJob(job: DataJob, send: (e: DataJobEvent) => void, signal: AbortSignal, everyMs = 100): Promise<DataJobEvent> {
  let last = -Infinity
  const onProgress = (p: ImportProgress) => {
    const now = Date.now()
    if (now - last < everyMs && p.done < p.total) return
    last = now
    send({ type: 'progress', progress: { ...p } })
  }
  const ctx: ImportContext = { onProgress, signal, cacheDir: job.cacheDir }
  try {
    if (job.kind === 'import') return { type: 'imported', ...(await importJob(job.spec, ctx, job.preview)) }
    return { type: 'preview', classes: previewOf(await openSource(job.spec, ctx), job.spec, job.split, job.perClass, job.augmented) }
  } catch (err) {
    return { type: 'failed', ...failureOf(err, job.spec) }
  }
}

/** runs the one job main sends, streaming its progress; a 'cancel' aborts the reader. Resolves with the exit code */
export function serveDataJob(channel: HostChannel<DataJobEvent>): Promise<number> {
  const controller = new AbortController()
  let started = false
  return new Promise(resolve => channel.onMessage((raw) => {
    const m = raw as DataJobMessage
    if (m.kind === 'cancel') return controller.abort()
    if (started) return
    started = true
    void runDataJob(m, (e) => void channel.send(e), controller.signal).then((final) => channel.send(final)).then(() => resolve(0), () => resolve(1))
  }))
}
