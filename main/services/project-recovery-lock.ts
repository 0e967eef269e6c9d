// The claim a Receptive process holds on its untitled project: a sidecar "<file>.lock" SQLite file kept
// in an exclusive transaction while the project is open, so recovery can tell a live owner from a dead one.
// The OS drops the lock when the owner dies (kill -9, power loss), so a stale claim never outlives its
// process, unlike a pid file whose pid may be reused after a reboot.
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { sqliteNativeBinding } from '../native-binding.ts'

export interface UntitledLock {
  /** lets go of the claim; with `remove` the lock file goes too (after its project file is gone) */
  release(remove?: boolean): void
}

/** claims `project`, or returns null when a live process (this one included) holds it */
export function claimUntitled(project: string): UntitledLock | null {
  const path = `${project}.lock`
  const db = new Database(path, { timeout: 0, nativeBinding: sqliteNativeBinding() })
  try {
    // SQLite locks nothing on an empty file, so the table is committed before the lock is taken
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER)')
    db.exec('BEGIN EXCLUSIVE; DELETE FROM owner')
    db.prepare('INSERT INTO owner (pid) VALUES (?)').run(process.pid) // for whoever looks at the file
  } catch (err) {
    db.close()
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return null
    throw err
  }
  let held = true
  return {
    release(remove = false) {
      if (!held) return
      held = false
      db.close() // ends the transaction and with it the lock
      if (!remove) return
      rmSync(path, { force: true })
      rmSync(`${path}-journal`, { force: true })
    },
  }
}
