// Runs: what was trained (spec snapshot, hyper-parameters, dataset, backend, seed) and how it went (status,
// times, error). Status changes follow one table of allowed moves, so a finished run cannot be reopened by
// a stray message, and runs left active by a crash are marked interrupted when the project is next opened.

import type { Database } from 'better-sqlite3'
import { fromJson, toJson } from './json-column.ts'
import { StoreError } from './store-error.ts'
import type { Write } from './transaction.ts'
import type { NewRun, RunRecord, RunStatus, RunSummary } from './types.ts'

/** where a run may go from each status; 'running' from interrupted, failed or stopped is a resume */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ['running', 'stopped', 'failed', 'interrupted'],
  running: ['paused', 'done', 'failed', 'stopped', 'interrupted'],
  paused: ['running', 'failed', 'stopped', 'interrupted'],
  interrupted: ['running', 'failed', 'stopped'],
  failed: ['running'],
  stopped: ['running'],
  done: [],
}
const ENDED: readonly RunStatus[] = ['done', 'failed', 'stopped', 'interrupted']

const COLUMNS = 'id, name, spec, hyper, dataset, backend, adapter, seed, status, created_at, started_at, ended_at, error'
type Row = [number, string, string, string, string, RunRecord['backend'], string | null, number, RunStatus,
  number, number | null, number | null, string | null]

function record(r: Row): RunRecord {
  const what = `run ${r[0]}`
  return {
    id: r[0], name: r[1], spec: fromJson(r[2], `${what} graph`), hyper: fromJson(r[3], `${what} settings`),
    dataset: fromJson(r[4], `${what} dataset`), backend: r[5], adapter: r[6], seed: r[7], status: r[8],
    createdAt: r[9], startedAt: r[10], endedAt: r[11], error: r[12],
  }
}

export function runsTable(db: Database, write: Write) {
  const insert = db.prepare(`INSERT INTO runs (name, spec, hyper, dataset, backend, adapter, seed, status,
    created_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck()
  const byId = db.prepare(`SELECT ${COLUMNS} FROM runs WHERE id = ?`).raw()
  const all = db.prepare(`SELECT ${COLUMNS} FROM runs ORDER BY id`).raw()
  // the last value of every epoch series of every run (sqlite takes bare columns from the max(step) row)
  const finals = db.prepare(`SELECT r.id, m.split, m.name, m.value, max(m.step) FROM runs r
    JOIN metrics m ON m.run_id = r.id AND m.scope = 'epoch' GROUP BY r.id, m.split, m.name`).raw()
  const best = db.prepare(`SELECT r.id, (SELECT max(value) FROM metrics WHERE run_id = r.id AND scope = 'epoch'
    AND split = 'val' AND name = 'accuracy') FROM runs r`).raw()
  const setStatus = db.prepare(`UPDATE runs SET status = @status,
    started_at = CASE WHEN @status = 'running' THEN coalesce(started_at, @now) ELSE started_at END,
    ended_at = CASE WHEN @ended THEN @now WHEN @status = 'running' THEN NULL ELSE ended_at END,
    error = CASE WHEN @ended THEN @error WHEN @status = 'running' THEN NULL ELSE error END
    WHERE id = @id`)
  const interrupt = db.prepare(`UPDATE runs SET status = 'interrupted', ended_at = ?,
    error = 'Receptive stopped while this run was ' || status
    WHERE status IN ('queued', 'running', 'paused') RETURNING id`).pluck()
  const remove = db.prepare('DELETE FROM runs WHERE id = ?')

  const get = (id: number): RunRecord | null => {
    const row = byId.get(id) as Row | undefined
    return row ? record(row) : null
  }

  return {
    /** records a new run, queued unless said otherwise; returns its id */
    create(run: NewRun, status: 'queued' | 'running' = 'queued'): number {
      if (!run.name?.trim()) throw new StoreError('bad-request', 'a run needs a name')
      if (!Number.isSafeInteger(run.seed)) throw new StoreError('bad-request', `run seed ${run.seed} is not an integer`)
      const now = Date.now()
      return write(() => insert.get(run.name.trim(), toJson(run.spec, 'run graph'), toJson(run.hyper, 'run settings'),
        toJson(run.dataset, 'run dataset'), run.backend, run.adapter ?? null, run.seed, status, now,
        status === 'running' ? now : null) as number)
    },
    get,
    /** every run with its final epoch metrics and best validation accuracy, oldest first */
    list(): RunSummary[] {
      const final = new Map<number, Record<string, number>>()
      for (const [id, split, name, value] of finals.all() as [number, string, string, number | null][]) {
        const m = final.get(id) ?? {}
        m[`${split}.${name}`] = value ?? NaN
        final.set(id, m)
      }
      const bestVal = new Map(best.all() as [number, number | null][])
      return (all.all() as Row[]).map(r => ({
        ...record(r), final: final.get(r[0]) ?? {}, bestValAccuracy: bestVal.get(r[0]) ?? null,
      }))
    },
    /** moves a run to `status`; `error` is kept for ended runs (the reason a run failed) */
    setStatus(id: number, status: RunStatus, error: string | null = null): void {
      write(() => {
        const run = get(id)
        if (!run) throw new StoreError('bad-request', `there is no run ${id}`)
        if (run.status === status) return
        if (!RUN_TRANSITIONS[run.status].includes(status)) {
          throw new StoreError('bad-request', `run ${id} is ${run.status} and cannot become ${status}`)
        }
        setStatus.run({ id, status, now: Date.now(), ended: ENDED.includes(status) ? 1 : 0, error })
      })
    },
    /** marks runs that were queued, running or paused when the app last stopped; returns their ids */
    markInterrupted(): number[] {
      return write(() => interrupt.all(Date.now()) as number[])
    },
    /** deletes a run with its metrics, snapshots, checkpoints and artifacts */
    remove(id: number): boolean {
      return write(() => remove.run(id).changes > 0)
    },
  }
}
