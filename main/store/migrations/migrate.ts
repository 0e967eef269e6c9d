// The ordered list of schema steps and the runner that applies them. A new project runs every step from
// version 0, so fresh and migrated files take the same path. Each step is one transaction that also bumps
// user_version: a step that fails (or a process killed mid-step) leaves the file at the previous version.

import type { Database } from 'better-sqlite3'
import { StoreError } from '../store-error.ts'
import { createV1 } from './v1-initial.ts'
import { migrateV1toV2 } from './v2-scoped-metrics.ts'

export interface Migration {
  /** the user_version this step produces from the one before it */
  to: number
  up(db: Database): void
}

export const MIGRATIONS: readonly Migration[] = [
  { to: 1, up: createV1 },
  { to: 2, up: migrateV1toV2 },
]

/** applies the steps above the file's user_version (up to `target`) and returns the version reached */
export function migrate(db: Database, steps: readonly Migration[] = MIGRATIONS, target = Infinity): number {
  let version = db.pragma('user_version', { simple: true }) as number
  // table rebuilds need foreign keys off, and the pragma is a no-op inside a transaction
  db.pragma('foreign_keys = OFF')
  try {
    for (const step of steps) {
      if (step.to <= version || step.to > target) continue
      if (step.to !== version + 1) throw new Error(`no migration from schema version ${version} to ${step.to}`)
      db.transaction(() => {
        step.up(db)
        const broken = db.pragma('foreign_key_check') as unknown[]
        if (broken.length > 0) {
          throw new StoreError('corrupt', `upgrading to file format ${step.to} found ${broken.length} rows `
            + 'that refer to missing ones; the file was left as it was')
        }
        db.pragma(`user_version = ${step.to}`)
      }).immediate()
      version = step.to
    }
  } finally {
    db.pragma('foreign_keys = ON')
  }
  return version
}
