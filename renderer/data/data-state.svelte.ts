// The Data view's state: the built-in sets and the project's saved datasets; the source being looked at
// (a built-in, a path, or a saved dataset) with its detected format and import options; the running
// import (progress, cancel); its outcome (summary with bad files, or why nothing was imported); the
// preview grid of the chosen split. Components only read this and call its methods.

import type {
  Api, BuiltinDataset, DataFormatId, DataOutcome, DataPreviewClass, DataProgress, DataSource, SavedDataset,
} from '../../preload/contract.ts'
import { augments, defaultForm, importRequest, optionGroups, suggestedName, type ImportForm } from './import-form.ts'
import { PhaseClock, progressText, progressFraction } from './import-progress.ts'

export type PreviewSplit = 'train' | 'validation' | 'test'

/** how many samples of each class the grid shows */
export const PER_CLASS = 8

export class DataState {
  builtins = $state.raw<BuiltinDataset[]>([])
  saved = $state.raw<SavedDataset[]>([])
  error = $state<string | null>(null)

  source = $state.raw<DataSource | null>(null)
  /** the saved dataset being shown, when the source came from one */
  savedId = $state<number | null>(null)
  detected = $state.raw<{ format: DataFormatId; name: string } | null>(null)
  detectError = $state<string | null>(null)
  form = $state<ImportForm>(defaultForm())

  importId = $state<number | null>(null)
  progress = $state.raw<{ fraction: number; text: string } | null>(null)
  outcome = $state.raw<DataOutcome | null>(null)
  /** the spec whose samples are shown: an import's completed spec, or a saved one */
  spec = $state.raw<Record<string, unknown> | null>(null)

  split = $state<PreviewSplit>('train')
  augmented = $state(false)
  preview = $state.raw<DataPreviewClass[] | null>(null)
  previewError = $state<string | null>(null)
  previewing = $state(false)

  private clock = new PhaseClock()
  private previewAsked = 0

  constructor(private readonly api: Api) {}

  /** loads built-ins and saved datasets and follows import progress; returns the function that stops following */
  connect(): () => void {
    const failed = (e: Error) => (this.error = e.message)
    this.api.invoke('data.builtins').then((b) => (this.builtins = b), failed)
    this.refreshSaved()
    const offProgress = this.api.on('data.progress', (p) => this.onProgress(p))
    const offProject = this.api.on('project.changed', () => this.refreshSaved())
    return () => { offProgress(); offProject() }
  }

  get running(): boolean { return this.importId !== null }
  get groups() { return optionGroups(this.source?.kind ?? 'path', this.detected?.format ?? null) }
  get canAugmentPreview(): boolean { return augments(this.form) || Object.keys((this.spec?.augmentation as object | undefined) ?? {}).length > 0 }
  get hasTest(): boolean { return this.outcome?.ok === true ? this.outcome.summary.splits.some((s) => s.name === 'test') : true }

  /** a built-in set: imported at once with the current split and normalisation (no reader options) */
  chooseBuiltin(id: string): Promise<void> {
    this.reset({ kind: 'builtin', id })
    return this.startImport()
  }

  /** a file or folder: its format is detected, then the user sets options and imports */
  async choosePath(path: string): Promise<void> {
    this.reset({ kind: 'path', path })
    try {
      this.detected = await this.api.invoke('data.detect', { path })
      if (!this.detected) this.detectError = `${path}: no reader recognises this (IDX, CIFAR, image or WAV class folders, .npy, .npz)`
    } catch (e) {
      this.detectError = (e as Error).message
    }
  }

  /** a dataset kept in the project: its samples, without importing again */
  showSaved(d: SavedDataset): Promise<void> {
    const spec = d.spec as Record<string, unknown>
    this.reset(spec.source as DataSource)
    this.savedId = d.id
    this.spec = spec
    return this.loadPreview()
  }

  async startImport(): Promise<void> {
    if (!this.source || this.running) return
    this.outcome = null
    this.spec = null
    this.preview = null
    this.progress = null
    this.clock = new PhaseClock()
    try {
      // the training split's samples come with the outcome: no second process to start for the first look
      const request = { ...importRequest(this.source, this.detected?.format ?? null, this.form), preview: PER_CLASS }
      const { importId } = await this.api.invoke('data.import', request)
      this.importId = importId
      const outcome = await this.api.invoke('data.result', { importId })
      if (this.importId !== importId) return // another import replaced this one
      this.importId = null
      this.progress = null
      this.outcome = outcome
      if (outcome.ok) {
        this.spec = outcome.spec
        if (this.split === 'train' && !this.augmented && outcome.preview) {
          this.dropPendingPreview()
          this.preview = outcome.preview
        } else await this.loadPreview()
      }
    } catch (e) {
      this.importId = null
      this.error = (e as Error).message
    }
  }

  /** after an import stopped at a bad file: import again, leaving bad files out */
  retrySkippingBad(): Promise<void> {
    this.form.skipBad = true
    return this.startImport()
  }

  async cancel(): Promise<void> {
    if (this.importId === null) return
    await this.api.invoke('data.cancel', { importId: this.importId }).catch((e: Error) => (this.error = e.message))
  }

  async loadPreview(): Promise<void> {
    if (!this.spec) return
    const asked = ++this.previewAsked
    this.previewing = true
    this.previewError = null
    try {
      const split = this.split === 'test' && !this.hasTest ? 'train' : this.split
      const preview = await this.api.invoke('data.preview', { spec: this.spec, split, perClass: PER_CLASS, augmented: this.augmented })
      if (asked === this.previewAsked) this.preview = preview
    } catch (e) {
      if (asked === this.previewAsked) { this.preview = null; this.previewError = (e as Error).message }
    } finally {
      if (asked === this.previewAsked) this.previewing = false
    }
  }

  suggestedName(): string {
    if (!this.source) return ''
    const saved = this.saved.find((d) => d.id === this.savedId)
    return saved?.name ?? suggestedName(this.source, this.builtins.find((b) => this.source?.kind === 'builtin' && b.id === this.source.id)?.name)
  }

  async save(name: string): Promise<void> {
    if (!this.spec) return
    const { id } = await this.api.invoke('data.save', { name, spec: this.spec })
    this.savedId = id
    await this.refreshSaved()
  }

  async remove(id: number): Promise<void> {
    await this.api.invoke('data.remove', { id })
    if (this.savedId === id) this.savedId = null
    await this.refreshSaved()
  }

  refreshSaved(): Promise<void> {
    return this.api.invoke('data.list').then((s) => void (this.saved = s), (e: Error) => void (this.error = e.message))
  }

  private onProgress(p: DataProgress) {
    if (p.importId !== this.importId) return
    this.progress = { fraction: progressFraction(p), text: progressText(p, this.clock.elapsed(p, Date.now())) }
  }

  private reset(source: DataSource) {
    // looking at something else stops the import still running
    if (this.importId !== null) this.api.invoke('data.cancel', { importId: this.importId }).catch(() => undefined)
    this.source = source
    this.savedId = null
    this.detected = null
    this.detectError = null
    this.outcome = null
    this.spec = null
    this.preview = null
    this.previewError = null
    this.importId = null
    this.progress = null
    this.error = null
    // a new dataset opens on its training split, which its import sends along
    this.split = 'train'
    this.augmented = false
    this.dropPendingPreview()
  }

  // a preview still on its way belongs to what was shown before
  private dropPendingPreview() {
    this.previewAsked++
    this.previewing = false
  }
}
