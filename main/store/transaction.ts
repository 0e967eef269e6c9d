// Every change to a project goes through `write`: one immediate transaction (the writer lock is taken at
// BEGIN, so it cannot fail half-way for lack of it), with SQLite failures turned into StoreErrors that name
// the file. Nested calls become savepoints of the outer transaction.

import type { Database } from 'better-sqlite3'
import { storeErrorFrom } from './store-error.ts'

export type Write = <T>(fn: () => T) => T

export function transactionRunner(db: Database, path: string): Write {
  return <T>(fn: () => T): T => {
    try {
      return db.transaction(fn).immediate()
    } catch (err) {
      throw storeErrorFrom(err, path)
    }
  }
}
