// Checkpoints: everything needed to resume a run at a step (weights, optimizer buffers, trainer state).
// Only the latest few per run are kept; older ones only cost space, since a resume starts from the latest.

import type { Database } from 'better-sqlite3'
import { fromJson, toJson } from './json-column.ts'
import { decodeTensor, encodeTensor } from './tensor-blob.ts'
import type { Checkpoint, StoreEvent, StoredTensor } from './types.ts'

type CheckpointEvent = Extract<StoreEvent, { kind: 'checkpoint' }>
type Role = 'weights' | 'optimizer'

/** how many checkpoints of a run survive a newer one */
export const CHECKPOINTS_KEPT = 2

export function checkpointsTable(db: Database) {
  const drop = db.prepare('DELETE FROM checkpoints WHERE run_id = ? AND step = ?')
  const insert = db.prepare(`INSERT INTO checkpoints (run_id, step, epoch, state, created_at)
    VALUES (?, ?, ?, ?, ?) RETURNING id`).pluck()
  const insertTensor = db.prepare(`INSERT INTO checkpoint_tensors (checkpoint_id, role, key, shape, data)
    VALUES (?, ?, ?, ?, ?)`)
  const prune = db.prepare(`DELETE FROM checkpoints WHERE run_id = @run AND id NOT IN
    (SELECT id FROM checkpoints WHERE run_id = @run ORDER BY step DESC LIMIT ${CHECKPOINTS_KEPT})`)
  const latest = db.prepare(`SELECT id, run_id, step, epoch, state, created_at FROM checkpoints
    WHERE run_id = ? ORDER BY step DESC LIMIT 1`).raw()
  const tensors = db.prepare('SELECT role, key, shape, data FROM checkpoint_tensors WHERE checkpoint_id = ?').raw()

  return {
    /** writes one checkpoint and prunes older ones; the caller holds the transaction */
    insert(e: CheckpointEvent): void {
      const where = `checkpoint of run ${e.runId} at step ${e.step}`
      const encoded = (['weights', 'optimizer'] as const).flatMap(role => Object.entries(e[role])
        .map(([key, t]) => ({ role, key, ...encodeTensor(t, `${where}: ${role} ${key}`) })))
      drop.run(e.runId, e.step) // cascades to its tensors
      const id = insert.get(e.runId, e.step, e.epoch, toJson(e.state, `${where}: state`), Date.now()) as number
      for (const t of encoded) insertTensor.run(id, t.role, t.key, t.shape, t.data)
      prune.run({ run: e.runId })
    },
    /** the checkpoint with the highest step, or null when the run has none */
    latest(runId: number): Checkpoint | null {
      const row = latest.get(runId) as [number, number, number, number, string, number] | undefined
      if (!row) return null
      const [id, , step, epoch, state, createdAt] = row
      const out: Record<Role, Record<string, StoredTensor>> = { weights: {}, optimizer: {} }
      for (const [role, key, shape, data] of tensors.iterate(id) as IterableIterator<[Role, string, string, Buffer]>) {
        out[role][key] = decodeTensor(shape, data, `checkpoint ${id}: ${role} ${key}`)
      }
      return { id, runId, step, epoch, state: fromJson(state, `checkpoint ${id} state`), ...out, createdAt }
    },
  }
}
