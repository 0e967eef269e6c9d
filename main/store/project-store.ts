// ProjectStore: one open *.receptive file, the only connection to it (ARCHITECTURE.md, "The project file").
// Tables are reached through small objects (graph, datasets, runs, metrics, snapshots, checkpoints,
// artifacts); training events are written in batches, one transaction each, so a kill -9 loses at most the
// batch being written. Plain Node: main's services, the CLI and browser mode all use it the same way.

import type { Database } from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { basename, dirname, extname, resolve } from 'node:path'
import { artifactsTable } from './artifacts.ts'
import { renameDurably, siblingTemp } from './atomic-file.ts'
import { checkpointsTable } from './checkpoints.ts'
import { datasetsTable } from './datasets.ts'
import { graphTable } from './graph.ts'
import { metricsTable } from './metrics.ts'
import { createProjectDatabase, openProjectDatabase, removeDatabaseFiles } from './open-database.ts'
import { projectMetaTable } from './project-meta.ts'
import { runsTable } from './runs.ts'
import { snapshotsTable } from './snapshots.ts'
import { StoreError, storeErrorFrom } from './store-error.ts'
import { transactionRunner } from './transaction.ts'
import type { StoreEvent } from './types.ts'

export interface OpenOptions {
  /** open for viewing only: nothing is written, interrupted runs are not marked */
  readonly?: boolean
}

export interface CreateOptions {
  /** display name; the file name without its extension by default */
  name?: string
  /** version of Receptive creating the file */
  appVersion: string
}

export class ProjectStore {
  readonly path: string
  readonly readonly: boolean
  /** schema version the file was upgraded from on open, or null */
  readonly migratedFrom: number | null
  /** copy of the file taken before that upgrade, or null */
  readonly backupPath: string | null
  /** runs found queued, running or paused on open (left so by a crash), now marked interrupted */
  readonly interruptedOnOpen: readonly number[]

  private readonly db: Database
  private readonly meta
  readonly graph
  readonly datasets
  readonly runs
  readonly metrics
  readonly snapshots
  readonly checkpoints
  readonly artifacts

  private constructor(path: string, readonly: boolean) {
    const opened = openProjectDatabase(path, readonly)
    this.path = path
    this.db = opened.db
    this.readonly = opened.readonly
    this.migratedFrom = opened.migratedFrom
    this.backupPath = opened.backupPath
    try {
      const write = transactionRunner(this.db, path)
      this.meta = projectMetaTable(this.db, write)
      this.graph = graphTable(this.db, write)
      this.datasets = datasetsTable(this.db, write)
      this.runs = runsTable(this.db, write)
      this.metrics = metricsTable(this.db)
      this.snapshots = snapshotsTable(this.db)
      this.checkpoints = checkpointsTable(this.db)
      this.artifacts = artifactsTable(this.db, write)
      this.recordBatch = (events: readonly StoreEvent[]) => write(() => {
        for (const e of events) {
          if (e.kind === 'metrics') this.metrics.insert(e)
          else if (e.kind === 'snapshot') this.snapshots.insert(e)
          else this.checkpoints.insert(e)
        }
      })
      this.interruptedOnOpen = readonly ? [] : this.runs.markInterrupted()
    } catch (err) {
      this.db.close()
      throw storeErrorFrom(err, path)
    }
  }

  static open(path: string, options: OpenOptions = {}): ProjectStore {
    return new ProjectStore(resolve(path), options.readonly ?? false)
  }

  /** makes a new, empty project at `path` (which must not exist yet) and opens it */
  static create(path: string, options: CreateOptions): ProjectStore {
    const full = resolve(path)
    const name = options.name ?? basename(full, extname(full))
    createProjectDatabase(full, db => projectMetaTable(db, fn => fn()).init(name, options.appVersion))
    return new ProjectStore(full, false)
  }

  /** name, creation time and version, schema version */
  info() { return this.meta.get() }

  rename(name: string): void { this.meta.rename(name) }

  private readonly recordBatch: (events: readonly StoreEvent[]) => void

  /** writes a batch of training events (metrics, snapshots, checkpoints) as one transaction */
  recordEvents(events: readonly StoreEvent[]): void {
    if (events.length > 0) this.recordBatch(events)
  }

  /**
   * Writes a consistent copy of the project to `dest` with SQLite's online backup (never a file copy of a
   * live database), through a temporary file renamed into place. This store stays on its own file: the
   * caller opens the copy when it should become the current document.
   */
  async saveAs(dest: string): Promise<void> {
    const target = resolve(dest)
    if (target === this.path) throw new StoreError('bad-request', 'a project cannot be saved over itself')
    if (!existsSync(dirname(target))) throw new StoreError('missing', `The folder for "${basename(target)}" does not exist.`)
    const tmp = siblingTemp(target, 'saving')
    removeDatabaseFiles(tmp)
    try {
      await this.db.backup(tmp)
      renameDurably(tmp, target)
    } catch (err) {
      removeDatabaseFiles(tmp)
      throw storeErrorFrom(err, target)
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
