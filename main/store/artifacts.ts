// Cached inspection results of a run (evaluation, confusion matrix, feature-map renders …): a JSON part and
// a binary part under (run, kind, key). Cheap to recompute in principle, slow in practice, hence kept.

import type { Database } from 'better-sqlite3'
import { fromJson, toJson } from './json-column.ts'
import type { Write } from './transaction.ts'
import type { Artifact } from './types.ts'

export function artifactsTable(db: Database, write: Write) {
  const upsert = db.prepare(`INSERT INTO artifacts (run_id, kind, key, json, data, created_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, kind, key)
    DO UPDATE SET json = excluded.json, data = excluded.data, created_at = excluded.created_at`)
  const select = db.prepare('SELECT json, data, created_at FROM artifacts WHERE run_id = ? AND kind = ? AND key = ?').raw()

  return {
    put(runId: number, kind: string, key: string, value: { json?: unknown; data?: Uint8Array | null }): void {
      const json = value.json === undefined ? null : toJson(value.json, `artifact ${kind}/${key}`)
      const data = value.data ? Buffer.from(value.data.buffer, value.data.byteOffset, value.data.byteLength) : null
      write(() => upsert.run(runId, kind, key, json, data, Date.now()))
    },
    get(runId: number, kind: string, key: string): Artifact | null {
      const row = select.get(runId, kind, key) as [string | null, Buffer | null, number] | undefined
      if (!row) return null
      return { json: row[0] === null ? null : fromJson(row[0], `artifact ${kind}/${key}`), data: row[1], createdAt: row[2] }
    },
  }
}
