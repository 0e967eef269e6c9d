// Files that are not usable projects are refused with a StoreError naming the reason, and are left exactly as
// they were: same bytes, same mtime, no journal created beside them (RELIABILITY.md E3, E5).

import Database from 'better-sqlite3'
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, ProjectStore, StoreError, type StoreErrorCode } from '../../../main/store/index.ts'
import { fingerprint, makeProject, tempDir } from './files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function refusal(path: string, options = {}): StoreError {
  try {
    ProjectStore.open(path, options).close()
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError)
    return err as StoreError
  }
  throw new Error(`${path} was opened`)
}

/** opens `path` expecting `code`, and checks that the file and its folder did not change */
function expectRefused(path: string, code: StoreErrorCode, mention: RegExp) {
  const before = fingerprint(path, dir)
  for (const readonly of [false, true]) {
    const err = refusal(path, { readonly })
    expect(err.code).toBe(code)
    expect(err.message).toMatch(mention)
  }
  expect(fingerprint(path, dir)).toEqual(before)
}

function sqliteFile(name: string, setup: (db: Database.Database) => void): string {
  const path = join(dir, name)
  const db = new Database(path)
  setup(db)
  db.close()
  return path
}

function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n)
  let s = seed
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; out[i] = s >>> 24 }
  return out
}

describe('opening files that are not projects', () => {
  it('refuses a missing file', () => {
    const err = refusal(join(dir, 'nowhere.receptive'))
    expect(err.code).toBe('missing')
    expect(err.message).toContain('nowhere.receptive')
  })

  it('refuses a folder', () => {
    mkdirSync(join(dir, 'folder.receptive'))
    expect(refusal(join(dir, 'folder.receptive')).code).toBe('not-sqlite')
  })

  it('refuses an empty file', () => {
    writeFileSync(join(dir, 'empty.receptive'), '')
    expectRefused(join(dir, 'empty.receptive'), 'not-sqlite', /empty/)
  })

  it('refuses random bytes', () => {
    writeFileSync(join(dir, 'noise.receptive'), seededBytes(65536, 7))
    expectRefused(join(dir, 'noise.receptive'), 'not-sqlite', /noise\.receptive.*not an SQLite database/)
  })

  it('refuses a PNG image', () => {
    const png = new PNG({ width: 4, height: 4 })
    writeFileSync(join(dir, 'image.receptive'), PNG.sync.write(png))
    expectRefused(join(dir, 'image.receptive'), 'not-sqlite', /not a Receptive project/)
  })

  it('refuses an SQLite database of another program (no application id, or another one)', () => {
    const plain = sqliteFile('plain.db', db => db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)'))
    expectRefused(plain, 'foreign', /another program/)
    const other = sqliteFile('other.db', db => { db.pragma('application_id = 252006674'); db.exec('CREATE TABLE t (x)') })
    expectRefused(other, 'foreign', /another program/)
  })

  it('refuses our application id with no schema, or with tables we did not write', () => {
    const bare = sqliteFile('bare.receptive', db => { db.pragma(`application_id = ${APPLICATION_ID}`); db.exec('CREATE TABLE t (x)') })
    expectRefused(bare, 'invalid', /unfinished/)
    const garbage = sqliteFile('garbage.receptive', db => {
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma('user_version = 2')
      db.exec('CREATE TABLE project (x); CREATE TABLE runs (y)')
    })
    expectRefused(garbage, 'invalid', /tables are not the ones Receptive writes/)
  })

  it('refuses a real project that has gained a trigger', () => {
    const path = join(dir, 'trigger.receptive')
    makeProject(path)
    const db = new Database(path)
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON metrics BEGIN DELETE FROM runs; END')
    db.close()
    expectRefused(path, 'invalid', /edited by another program/)
  })

  it('refuses a project written by a newer version', () => {
    const path = join(dir, 'future.receptive')
    makeProject(path)
    const db = new Database(path)
    db.pragma('user_version = 3')
    db.close()
    expectRefused(path, 'newer', /newer version of Receptive \(file format 3/)
  })

  it('refuses a truncated project', () => {
    const atPage = join(dir, 'cut-at-page.receptive')
    makeProject(atPage)
    const pages = readFileSync(atPage).length / 8192
    truncateSync(atPage, Math.floor(pages / 2) * 8192)
    expectRefused(atPage, 'corrupt', /truncated/)
    const midPage = join(dir, 'cut-mid-page.receptive')
    makeProject(midPage)
    truncateSync(midPage, 8192 * 3 + 100)
    expectRefused(midPage, 'corrupt', /damaged/)
  })

  it('refuses a project with a garbage page (quick_check fails)', () => {
    const path = join(dir, 'garbage-page.receptive')
    makeProject(path)
    const db = new Database(path, { readonly: true })
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'runs'").pluck().get() as number
    db.close()
    const bytes = readFileSync(path)
    seededBytes(8192, 3).copy(bytes, (root - 1) * 8192)
    writeFileSync(path, bytes)
    expectRefused(path, 'corrupt', /damaged.*backup/)
  })
})

describe('opening a good project', () => {
  it('changes nothing when opened read-only, and nothing when opened for writing with nothing to do', () => {
    const path = join(dir, 'good.receptive')
    makeProject(path)
    const before = fingerprint(path, dir)
    for (const readonly of [true, false]) {
      const store = ProjectStore.open(path, { readonly })
      expect(store.runs.list().map(r => r.status)).toEqual(['done'])
      expect(store.interruptedOnOpen).toEqual([])
      store.close()
      expect(fingerprint(path, dir)).toEqual(before)
    }
  })

  it('refuses writes through a read-only store', () => {
    const path = join(dir, 'view.receptive')
    makeProject(path)
    const store = ProjectStore.open(path, { readonly: true })
    expect(() => store.graph.put({ changed: true }, {})).toThrow(expect.objectContaining({ code: 'read-only' }))
    expect(() => store.rename('x')).toThrow(StoreError)
    store.close()
  })

  it('refuses to create over an existing file or in a missing folder', () => {
    const path = join(dir, 'taken.receptive')
    writeFileSync(path, 'mine')
    expect(() => ProjectStore.create(path, { appVersion: '0' })).toThrow(expect.objectContaining({ code: 'exists' }))
    expect(readFileSync(path, 'utf8')).toBe('mine')
    expect(() => ProjectStore.create(join(dir, 'no', 'such.receptive'), { appVersion: '0' }))
      .toThrow(expect.objectContaining({ code: 'missing' }))
  })
})
