// Exporting a run's trained model (the contract's export.run and `receptive export`): reads the run's
// spec, its latest checkpoint's weights and its dataset's classes and normalisation from the project
// (loading the data to compute them when the run recorded only where it came from), asks engine/export for
// the files, and writes them so that a failure leaves nothing half-written: a file goes to a temporary
// sibling renamed into place; a PyTorch folder is filled beside it, then renamed.

import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { loadDataset, parseDatasetSpec } from '../../engine/data/index.ts'
import { ExportError, exportModel, isExportFormat, EXPORT_FORMATS, type ExportFile, type ExportFormat, type ExportMetadata } from '../../engine/export/index.ts'
import { renameDurably, siblingTemp } from '../store/atomic-file.ts'
import type { ProjectStore, RunRecord } from '../store/index.ts'

export interface ExportRequest {
  runId: number
  format: ExportFormat
  /** the .onnx or .npz file, or the folder of a PyTorch export */
  path: string
}

export interface ExportResult {
  /** the file or folder written */
  path: string
  /** the files written, relative to a folder export (just the file's name otherwise) */
  files: string[]
  /** what the export could not record, e.g. the input normalisation when the dataset is gone */
  notes: string[]
}

interface DatasetFields { classes?: unknown; normalization?: { mode?: string; mean?: unknown; std?: unknown } }

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number')
const complete = (d: DatasetFields) =>
  Array.isArray(d.classes) && (d.normalization?.mode !== 'standardize' || (numbers(d.normalization.mean) && numbers(d.normalization.std)))

/** the run's dataset spec with its classes and mean/std; a spec that names only its source is loaded to fill them */
async function datasetOf(run: RunRecord, notes: string[]): Promise<DatasetFields> {
  const recorded = (run.dataset ?? {}) as DatasetFields
  if (complete(recorded)) return recorded
  try {
    return (await loadDataset(parseDatasetSpec(run.dataset))).spec
  } catch (err) {
    notes.push(`the class names and input normalisation were not recorded: the run's dataset cannot be read (${(err as Error).message})`)
    return recorded
  }
}

/** classes and normalisation as the dataset spec holds them (absent fields are left out) */
function metadataOf(run: RunRecord, dataset: DatasetFields, appVersion: string): ExportMetadata {
  const meta: ExportMetadata = { producer: { name: 'Receptive', version: appVersion }, name: run.name }
  if (Array.isArray(dataset.classes) && dataset.classes.every((c) => typeof c === 'string')) meta.classes = dataset.classes
  const n = dataset.normalization
  if (n?.mode === 'standardize' && numbers(n.mean) && numbers(n.std)) meta.normalization = { mean: n.mean, std: n.std }
  return meta
}

function writeDurably(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'w', 0o644)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    fsyncSync(fd)
  } finally { closeSync(fd) }
}

/** a folder this export may replace: absent, empty, or holding only files of an earlier PyTorch export */
function replaceable(path: string, names: readonly string[]): boolean {
  if (!existsSync(path)) return true
  return statSync(path).isDirectory() && readdirSync(path).every((f) => names.includes(f))
}

function writeFile(target: string, file: ExportFile): void {
  const tmp = siblingTemp(target, 'export')
  try {
    writeDurably(tmp, file.data)
    renameDurably(tmp, target)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

function writeFolder(target: string, files: readonly ExportFile[]): void {
  const names = files.map((f) => f.name)
  if (!replaceable(target, names)) throw new ExportError(`${target} already exists and holds other files; choose a new folder for the PyTorch export`)
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.export-`))
  const previous = existsSync(target) ? siblingTemp(target, 'previous') : null
  try {
    for (const f of files) writeDurably(join(tmp, f.name), f.data)
    // an earlier export steps aside only once the new one is complete, and comes back if the swap fails
    if (previous) renameSync(target, previous)
    try {
      renameDurably(tmp, target)
    } catch (err) {
      if (previous) renameSync(previous, target)
      throw err
    }
    if (previous) rmSync(previous, { recursive: true, force: true })
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true })
    throw err
  }
}

/** writes the run's model in `format` at `path`; every refusal is an ExportError saying what to do */
export async function exportRun(store: ProjectStore, req: ExportRequest, appVersion: string): Promise<ExportResult> {
  if (!isExportFormat(req.format)) throw new ExportError(`unknown export format ${JSON.stringify(req.format)}; use one of ${EXPORT_FORMATS.join(', ')}`)
  const run = store.runs.get(req.runId)
  if (!run) throw new ExportError(`there is no run ${req.runId} in this project`)
  const checkpoint = store.checkpoints.latest(req.runId)
  if (!checkpoint) throw new ExportError(`run ${req.runId} (${run.name}) has no trained weights yet: it saves them at the end of each epoch`)
  const target = resolve(req.path)
  const folder = dirname(target)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ExportError(`the folder ${folder} does not exist`)
  const notes: string[] = []
  const files = exportModel(req.format, run.spec, checkpoint.weights, metadataOf(run, await datasetOf(run, notes), appVersion))
  try {
    if (req.format === 'pytorch') writeFolder(target, files)
    else writeFile(target, files[0])
  } catch (err) {
    if (err instanceof ExportError) throw err
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it is not writable' : (err as Error).message
    throw new ExportError(`cannot write ${target}: ${why}`, { cause: err })
  }
  return { path: target, files: req.format === 'pytorch' ? files.map((f) => f.name) : [basename(target)], notes }
}
