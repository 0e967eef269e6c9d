// A project's schema must be exactly one we wrote: same tables, columns and named indexes as a fresh
// database taken to the same version, and no views or triggers (a file from someone else could carry
// triggers that fire on our writes). The reference is built in memory by the migrations themselves.

import Database from 'better-sqlite3'
import { basename } from 'node:path'
import { MIGRATIONS, migrate } from './migrations/migrate.ts'
import { StoreError } from './store-error.ts'
import { sqliteNativeBinding } from '../native-binding.ts'

const references = new Map<number, string>()

/** a canonical description of everything in the schema except sqlite's own auto-indexes */
export function schemaSignature(db: Database.Database): string {
  const objects = db.prepare(`SELECT type, name, tbl_name FROM sqlite_schema
    WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string; tbl_name: string }[]
  const columns = db.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?) ORDER BY cid')
  return JSON.stringify(objects.map(o => o.type === 'table'
    ? { ...o, columns: columns.all(o.name) }
    : o))
}

function referenceSignature(version: number): string {
  let sig = references.get(version)
  if (sig === undefined) {
    const db = new Database(':memory:', { nativeBinding: sqliteNativeBinding() })
    try {
      migrate(db, MIGRATIONS, version)
      sig = schemaSignature(db)
    } finally { db.close() }
    references.set(version, sig)
  }
  return sig
}

export function checkSchema(db: Database.Database, version: number, path: string): void {
  if (!MIGRATIONS.some(m => m.to === version) || schemaSignature(db) !== referenceSignature(version)) {
    throw new StoreError('invalid', `"${basename(path)}" is marked as a Receptive project (format ${version}) `
      + 'but its tables are not the ones Receptive writes. It may have been edited by another program.')
  }
}
