// The project's current graph: the model spec plus the editor's layout, one row, rewritten whole. Autosave
// calls put() after every edit, so a put that changes nothing is skipped without touching the file.

import type { Database } from 'better-sqlite3'
import { fromJson, toJson } from './json-column.ts'
import type { Write } from './transaction.ts'
import type { GraphRecord } from './types.ts'

export function graphTable(db: Database, write: Write) {
  const select = db.prepare('SELECT spec, layout, updated_at FROM graph WHERE id = 1').raw()
  const upsert = db.prepare(`INSERT INTO graph (id, spec, layout, updated_at) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, layout = excluded.layout, updated_at = excluded.updated_at`)
  let stored: string | null = null // spec and layout text as last read or written

  return {
    get(): GraphRecord | null {
      const row = select.get() as [string, string, number] | undefined
      if (!row) return null
      stored = `${row[0]}\n${row[1]}`
      return { spec: fromJson(row[0], 'the graph'), layout: fromJson(row[1], 'the graph layout'), updatedAt: row[2] }
    },
    /** saves the graph; returns false when it was already stored exactly so */
    put(spec: unknown, layout: unknown): boolean {
      const specText = toJson(spec, 'the graph')
      const layoutText = toJson(layout, 'the graph layout')
      const text = `${specText}\n${layoutText}`
      if (text === stored) return false
      write(() => upsert.run(specText, layoutText, Date.now()))
      stored = text
      return true
    },
  }
}
