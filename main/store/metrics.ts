// Metrics: one row per (run, scope, split, name, step). Writing the same key again replaces the value, so a
// resumed run that replays steps after its last checkpoint does not duplicate them. SQLite stores NaN as
// NULL; it comes back as NaN. Reads return whole curves as parallel arrays, ordered by step.

import type { Database } from 'better-sqlite3'
import type { MetricSeries, Scope, Split, StoreEvent } from './types.ts'

type MetricsEvent = Extract<StoreEvent, { kind: 'metrics' }>
type Row = [Scope, Split, string, number, number, number | null]

export interface SeriesQuery {
  scope?: Scope
  /** only rows after this step (for fetching what is new since the last read) */
  afterStep?: number
}

export function metricsTable(db: Database) {
  const insert = db.prepare(`INSERT OR REPLACE INTO metrics (run_id, scope, split, name, step, epoch, value)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const select = db.prepare(`SELECT scope, split, name, step, epoch, value FROM metrics
    WHERE run_id = @run AND step > @after AND (@scope IS NULL OR scope = @scope)
    ORDER BY scope, split, name, step`).raw()

  return {
    /** writes one event's values; the caller holds the transaction */
    insert(e: MetricsEvent): void {
      for (const [name, value] of Object.entries(e.values)) {
        insert.run(e.runId, e.scope, e.split, name, e.step, e.epoch, Number.isNaN(value) ? null : value)
      }
    },
    series(runId: number, q: SeriesQuery = {}): MetricSeries[] {
      const out: MetricSeries[] = []
      let cur: MetricSeries | undefined
      for (const [scope, split, name, step, epoch, value] of
        select.iterate({ run: runId, after: q.afterStep ?? -1, scope: q.scope ?? null }) as IterableIterator<Row>) {
        if (!cur || cur.scope !== scope || cur.split !== split || cur.name !== name) {
          cur = { scope, split, name, step: [], epoch: [], value: [] }
          out.push(cur)
        }
        cur.step.push(step)
        cur.epoch.push(epoch)
        cur.value.push(value ?? NaN)
      }
      return out
    },
  }
}
