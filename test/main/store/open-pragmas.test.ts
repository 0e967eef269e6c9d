// The settings every connection to a project gets (RELIABILITY.md E5–E7, F3): untrusted-schema off,
// cell size checks on, no memory mapping; a writable project in rollback-journal mode with FULL sync
// and foreign keys on; after close no journal, -wal or -shm is left, so copying the file alone is whole.
import Database from 'better-sqlite3'
import { copyFileSync, readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqliteNativeBinding } from '../../../main/native-binding.ts'
import { ProjectStore } from '../../../main/store/index.ts'
import { openProjectDatabase } from '../../../main/store/open-database.ts'
import { makeProject, tempDir } from './files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const pragmas = (db: Database.Database) => Object.fromEntries(
  ['trusted_schema', 'cell_size_check', 'mmap_size', 'journal_mode', 'synchronous', 'foreign_keys']
    .map((p) => [p, db.pragma(p, { simple: true })]))

describe('project connections', () => {
  it('a writable one: untrusted schema off, cell checks on, no mmap, DELETE journal, FULL sync, foreign keys', () => {
    const path = `${dir}/p.receptive`
    makeProject(path)
    const { db } = openProjectDatabase(path, false)
    try {
      expect(pragmas(db)).toEqual({ trusted_schema: 0, cell_size_check: 1, mmap_size: 0, journal_mode: 'delete', synchronous: 2, foreign_keys: 1 })
    } finally { db.close() }
  })

  it('a read-only one: the same safety settings, and it cannot write', () => {
    const path = `${dir}/p.receptive`
    makeProject(path)
    const { db, readonly } = openProjectDatabase(path, true)
    try {
      expect(readonly).toBe(true)
      expect(pragmas(db)).toMatchObject({ trusted_schema: 0, cell_size_check: 1, mmap_size: 0 })
      expect(() => db.prepare('DELETE FROM runs').run()).toThrow(/readonly/)
    } finally { db.close() }
  })

  it('leaves no journal, -wal or -shm after close, so a plain copy of the file holds everything', () => {
    const path = `${dir}/p.receptive`
    makeProject(path)
    const store = ProjectStore.open(path)
    store.rename('renamed')
    store.close()
    expect(readdirSync(dir)).toEqual(['p.receptive'])
    copyFileSync(path, `${dir}/copy.receptive`)
    const copy = ProjectStore.open(`${dir}/copy.receptive`, { readonly: true })
    expect(copy.info().name).toBe('renamed')
    expect(copy.runs.list()).toHaveLength(1)
    copy.close()
    const raw = new Database(`${dir}/copy.receptive`, { readonly: true, nativeBinding: sqliteNativeBinding() })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
  })
})
