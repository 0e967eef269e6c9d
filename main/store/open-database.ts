// Opening and creating project files safely. Opening checks before it writes: the header (no SQLite), then
// a read-only connection runs quick_check and compares the schema, and only then a read-write connection is
// made. A refused file is never modified. A hot journal left by a crash is the one case that needs writing
// to check: SQLite rolls it back on the read-write connection, and quick_check runs there instead.

import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { renameDurably, siblingTemp } from './atomic-file.ts'
import { APPLICATION_ID, SCHEMA_VERSION, inspectProjectFile } from './file-format.ts'
import { migrate } from './migrations/migrate.ts'
import { checkSchema } from './schema-check.ts'
import { StoreError, storeErrorFrom } from './store-error.ts'
import { sqliteNativeBinding } from '../native-binding.ts'

export interface Opened {
  db: Database.Database
  readonly: boolean
  /** the schema version the file had before it was upgraded, or null */
  migratedFrom: number | null
  /** the copy taken before upgrading, or null */
  backupPath: string | null
}

const PAGE_SIZE = 8192 // larger pages suit the float32 blobs (sqlite's intern-v-extern-blob measurements)

export function openProjectDatabase(path: string, readonly: boolean): Opened {
  const header = inspectProjectFile(path)
  if (!readonly) assertWritable(path)
  if (!header.hotJournal) {
    const ro = connect(path, true)
    try { verify(ro, path) } catch (err) { ro.close(); throw storeErrorFrom(err, path) }
    if (readonly) return { db: ro, readonly, migratedFrom: null, backupPath: null }
    ro.close()
  } else if (readonly) {
    throw new StoreError('read-only', `"${basename(path)}" was left mid-write (Receptive or the computer stopped). `
      + 'Open it normally once so the unfinished change can be rolled back.')
  }
  const db = connect(path, false)
  try {
    const version = header.hotJournal ? verify(db, path) : header.schemaVersion
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    if (version === SCHEMA_VERSION) return { db, readonly, migratedFrom: null, backupPath: null }
    const backupPath = backupBeforeMigration(db, path, version)
    migrate(db)
    checkSchema(db, SCHEMA_VERSION, path)
    return { db, readonly, migratedFrom: version, backupPath }
  } catch (err) {
    db.close()
    throw storeErrorFrom(err, path)
  }
}

/** builds a new project at a temporary name and renames it into place, so `path` is never half-made */
export function createProjectDatabase(path: string, init: (db: Database.Database) => void): void {
  if (existsSync(path)) throw new StoreError('exists', `"${basename(path)}" already exists.`)
  const dir = dirname(path)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new StoreError('missing', `The folder for "${basename(path)}" does not exist.`)
  }
  assertWritable(path)
  const tmp = siblingTemp(path, 'creating')
  removeDatabaseFiles(tmp)
  try {
    const db = connect(tmp, false)
    try {
      db.pragma(`page_size = ${PAGE_SIZE}`)
      db.pragma('journal_mode = DELETE')
      db.pragma('synchronous = FULL')
      db.pragma(`application_id = ${APPLICATION_ID}`)
      migrate(db)
      db.pragma('foreign_keys = ON')
      db.transaction(() => init(db)).immediate()
    } finally { db.close() }
    renameDurably(tmp, path)
  } catch (err) {
    removeDatabaseFiles(tmp)
    throw storeErrorFrom(err, path)
  }
}

function connect(path: string, readonly: boolean): Database.Database {
  let db: Database.Database
  try {
    db = new Database(path, { readonly, fileMustExist: readonly || existsSync(path), nativeBinding: sqliteNativeBinding() })
  } catch (err) { throw storeErrorFrom(err, path) }
  // a project from someone else is untrusted input (sqlite.org/security.html)
  db.pragma('trusted_schema = OFF')
  db.pragma('cell_size_check = ON')
  db.pragma('mmap_size = 0')
  return db
}

/** quick_check and schema comparison; returns the schema version */
function verify(db: Database.Database, path: string): number {
  const result = db.pragma('quick_check', { simple: true })
  if (result !== 'ok') {
    const detail = String(result).replace(/\s+/g, ' ').slice(0, 200)
    throw new StoreError('corrupt', `"${basename(path)}" is damaged and cannot be opened; open a backup copy instead. `
      + `(quick_check: ${detail})`)
  }
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new StoreError('newer', `"${basename(path)}" was saved by a newer version of Receptive.`)
  }
  checkSchema(db, version, path)
  return version
}

// the journal is created beside the file, so the folder must be writable as well as the file
function assertWritable(path: string): void {
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK)
    accessSync(dirname(path), constants.W_OK | constants.X_OK)
  } catch {
    throw new StoreError('read-only', `"${basename(path)}" is in a place Receptive cannot write to. `
      + 'Open it read-only, or save a copy elsewhere.')
  }
}

// VACUUM INTO writes a compact, consistent copy (header fields included) without touching the original
function backupBeforeMigration(db: Database.Database, path: string, version: number): string {
  const backup = `${path}.v${version}.bak`
  if (!existsSync(backup)) db.prepare('VACUUM INTO ?').run(backup)
  return backup
}

export function removeDatabaseFiles(path: string): void {
  rmSync(path, { force: true })
  rmSync(`${path}-journal`, { force: true })
}
