// The Data view's service (issue 5): recognise a path's format, import a dataset in a separate process
// (an engine host running engine/host/dataset-jobs.ts) with progress, cancel and a summary naming every
// bad file, preview samples per class, and keep dataset specs in the project's datasets table. Decoded
// data goes to the app's cache folder, which engine hosts read too (datasets-cache.ts), so training opens
// an imported folder fast.

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { detectFormat, listBuiltins, parseDatasetSpec, type DatasetSpec } from '../../engine/data/index.ts'
import type { DataFormatId, DataImport, DataOutcome, DataPreviewClass, Events, SavedDataset } from '../../preload/contract.ts'
import type { ProjectStore } from '../store/index.ts'
import { startDataJob, forkDataProcess, type RunningJob, type SpawnDataProcess } from './dataset-process.ts'
import type { PreviewSplit } from '../../engine/host/dataset-jobs.ts'
import { wireOutcome, wirePreview } from './dataset-wire.ts'

type DataEvent = 'data.progress' | 'data.imported' | 'data.failed'

export interface DatasetServiceOptions {
  /** the decoded-data cache folder */
  cacheDir: string
  /** pushes data.progress / data.imported / data.failed to the windows */
  emit?: <K extends DataEvent>(event: K, payload: Events[K]) => void
  spawn?: SpawnDataProcess
}

export interface PreviewRequest { spec: unknown; split: PreviewSplit; perClass: number; augmented?: boolean }

// finished imports stay answerable to data.result for a while; previews are kept for quick re-display
const KEEP_RESULTS = 32
const KEEP_PREVIEWS = 16

export class DatasetService {
  private nextId = 1
  private readonly imports = new Map<number, { job: RunningJob; outcome: Promise<DataOutcome>; ended: boolean }>()
  private readonly previews = new Map<string, Promise<DataPreviewClass[]>>()

  constructor(private readonly currentStore: () => ProjectStore, private readonly opts: DatasetServiceOptions) {}

  builtins() {
    return listBuiltins().map((b) => ({ ...b, inputShape: [...b.inputShape], classes: [...b.classes] }))
  }

  async detect(path: string): Promise<{ format: DataFormatId; name: string } | null> {
    const full = resolve(path)
    if (!existsSync(full)) throw new Error(`${path}: no such file or folder`)
    const f = await detectFormat(full)
    return f ? { format: f.id, name: f.name } : null
  }

  /** checks the request, starts the import and returns its id at once */
  import(req: DataImport): { importId: number } {
    const spec = specOf(req)
    const importId = this.nextId++
    const job = startDataJob(this.opts.spawn ?? forkDataProcess, { kind: 'import', spec, cacheDir: this.opts.cacheDir, preview: req.preview ?? 0 },
      ({ progress }) => this.opts.emit?.('data.progress', { importId, ...progress }))
    const outcome = job.done.then((e) => {
      entry.ended = true
      const o = wireOutcome(e)
      if (o.ok) this.opts.emit?.('data.imported', { importId, summary: o.summary, spec: o.spec })
      else this.opts.emit?.('data.failed', { importId, file: o.file, reason: o.reason, bad: o.bad, cancelled: o.cancelled })
      return o
    })
    const entry = { job, outcome, ended: false }
    this.imports.set(importId, entry)
    for (const [id, e] of this.imports) if (this.imports.size > KEEP_RESULTS && e.ended) this.imports.delete(id)
    return { importId }
  }

  /** how the import ended (waits until it has) */
  result(importId: number): Promise<DataOutcome> {
    return this.running(importId).outcome
  }

  cancel(importId: number): void {
    this.running(importId).job.cancel()
  }

  preview({ spec, split, perClass, augmented = false }: PreviewRequest): Promise<DataPreviewClass[]> {
    const checked = parseDatasetSpec(spec)
    const key = JSON.stringify([checked, split, perClass, augmented])
    let p = this.previews.get(key)
    if (!p) {
      const job = startDataJob(this.opts.spawn ?? forkDataProcess, { kind: 'preview', spec: checked, split, perClass, augmented, cacheDir: this.opts.cacheDir })
      p = job.done.then((e) => {
        if (e.type === 'preview') return wirePreview(e.classes)
        this.previews.delete(key) // a failure is not kept: the user may fix the data and ask again
        throw new Error(e.type === 'failed' ? `${e.file}: ${e.reason}` : `unexpected answer ${e.type}`)
      })
      this.previews.set(key, p)
      for (const k of this.previews.keys()) if (this.previews.size > KEEP_PREVIEWS && k !== key) this.previews.delete(k)
    }
    return p
  }

  save(name: string, spec: unknown): { id: number } {
    return { id: this.currentStore().datasets.put(name, parseDatasetSpec(spec)) }
  }

  list(): SavedDataset[] {
    return this.currentStore().datasets.list()
  }

  remove(id: number): void {
    if (!this.currentStore().datasets.remove(id)) throw new Error(`there is no saved dataset ${id}`)
  }

  /** stops every import still running (app shutdown) */
  close(): void {
    for (const { job } of this.imports.values()) job.cancel()
  }

  private running(importId: number) {
    const entry = this.imports.get(importId)
    if (!entry) throw new Error(`there is no import ${importId}`)
    return entry
  }
}

/** the dataset spec an import request describes; throws naming every problem */
export function specOf(req: DataImport): DatasetSpec {
  const source = req.source.kind === 'builtin' ? req.source : { kind: 'path' as const, path: resolve(req.source.path), ...(req.format ? { format: req.format } : {}) }
  return parseDatasetSpec({
    format: 'receptive.dataset/1', source, options: req.source.kind === 'path' ? req.options : {},
    ...(req.split ? { split: req.split } : {}),
    ...(req.normalization ? { normalization: { mode: req.normalization } } : {}),
    ...(req.augmentation ? { augmentation: req.augmentation } : {}),
    ...(req.augmentationSeed !== undefined ? { augmentationSeed: req.augmentationSeed } : {}),
  })
}
