// Learned-parameter snapshots: one float32 tensor per (run, step, node, parameter), so the filters view can
// slide through training. Listing returns shapes without the blobs; a blob is read only when drawn.

import type { Database } from 'better-sqlite3'
import { StoreError } from './store-error.ts'
import { decodeTensor, encodeTensor } from './tensor-blob.ts'
import type { Snapshot, SnapshotInfo, StoreEvent } from './types.ts'

type SnapshotEvent = Extract<StoreEvent, { kind: 'snapshot' }>
type Row = [number, number, number, number, string, string, string]

const info = ([id, runId, step, epoch, node, param]: Row, shape: number[]): SnapshotInfo =>
  ({ id, runId, step, epoch, node, param, shape })

export function snapshotsTable(db: Database) {
  const insert = db.prepare(`INSERT OR REPLACE INTO snapshots (run_id, step, epoch, node, param, shape, data)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const list = db.prepare(`SELECT id, run_id, step, epoch, node, param, shape FROM snapshots
    WHERE run_id = ? ORDER BY node, param, step`).raw()
  const byId = db.prepare(`SELECT id, run_id, step, epoch, node, param, shape, data FROM snapshots
    WHERE id = ?`).raw()

  return {
    /** writes one snapshot; the caller holds the transaction */
    insert(e: SnapshotEvent): void {
      const what = `snapshot ${e.node}.${e.param} at step ${e.step}`
      const { shape, data } = encodeTensor(e.tensor, what)
      insert.run(e.runId, e.step, e.epoch, e.node, e.param, shape, data)
    },
    list(runId: number): SnapshotInfo[] {
      return (list.all(runId) as Row[]).map(r => info(r, parseShape(r)))
    },
    get(id: number): Snapshot | null {
      const row = byId.get(id) as [...Row, Buffer] | undefined
      if (!row) return null
      const { shape, data } = decodeTensor(row[6], row[7], `snapshot ${id} (${row[4]}.${row[5]})`)
      return { ...info(row as unknown as Row, shape), data }
    },
  }
}

function parseShape(r: Row): number[] {
  try {
    const shape = JSON.parse(r[6]) as unknown
    if (Array.isArray(shape) && shape.every(Number.isInteger)) return shape as number[]
  } catch { /* reported below */ }
  throw new StoreError('corrupt', `snapshot ${r[0]} is damaged: its shape is ${r[6]}`)
}
