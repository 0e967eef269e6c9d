// Datasets known to the project, by unique name. The spec (where the data lives, its format, splits and
// normalisation) belongs to the data service; the store keeps it as JSON.

import type { Database } from 'better-sqlite3'
import { fromJson, toJson } from './json-column.ts'
import type { Write } from './transaction.ts'
import type { DatasetRecord } from './types.ts'

type Row = [number, string, string, number]

export function datasetsTable(db: Database, write: Write) {
  const upsert = db.prepare(`INSERT INTO datasets (name, spec, created_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET spec = excluded.spec RETURNING id`).pluck()
  const byId = db.prepare('SELECT id, name, spec, created_at FROM datasets WHERE id = ?').raw()
  const all = db.prepare('SELECT id, name, spec, created_at FROM datasets ORDER BY name').raw()
  const remove = db.prepare('DELETE FROM datasets WHERE id = ?')
  const record = ([id, name, spec, createdAt]: Row): DatasetRecord =>
    ({ id, name, spec: fromJson(spec, `dataset "${name}"`), createdAt })

  return {
    /** adds a dataset, or replaces the spec of the one with that name; returns its id */
    put(name: string, spec: unknown): number {
      const text = toJson(spec, `dataset "${name}"`)
      return write(() => upsert.get(name, text, Date.now()) as number)
    },
    get(id: number): DatasetRecord | null {
      const row = byId.get(id) as Row | undefined
      return row ? record(row) : null
    },
    list(): DatasetRecord[] {
      return (all.all() as Row[]).map(record)
    },
    remove(id: number): boolean {
      return write(() => remove.run(id).changes > 0)
    },
  }
}
