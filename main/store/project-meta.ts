// The project's one row of metadata: its display name, when and by which Receptive it was created.

import type { Database } from 'better-sqlite3'
import { StoreError } from './store-error.ts'
import type { Write } from './transaction.ts'
import type { ProjectMeta } from './types.ts'

export function projectMetaTable(db: Database, write: Write) {
  const insert = db.prepare('INSERT INTO project (id, name, created_at, app_version) VALUES (1, ?, ?, ?)')
  const select = db.prepare('SELECT name, created_at AS createdAt, app_version AS appVersion FROM project WHERE id = 1')
  const update = db.prepare('UPDATE project SET name = ? WHERE id = 1')

  return {
    /** fills the row of a new project (inside createProjectDatabase's transaction) */
    init(name: string, appVersion: string): void {
      insert.run(checkName(name), Date.now(), appVersion)
    },
    get(): ProjectMeta {
      const row = select.get() as Omit<ProjectMeta, 'schemaVersion'> | undefined
      if (!row) throw new StoreError('corrupt', 'the project has lost its name row')
      return { ...row, schemaVersion: db.pragma('user_version', { simple: true }) as number }
    },
    rename(name: string): void {
      write(() => update.run(checkName(name)))
    },
  }
}

function checkName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw new StoreError('bad-request', 'a project name needs 1 to 200 characters')
  }
  return trimmed
}
