// The one error type the store throws for anything a user can cause: a missing, foreign, newer, corrupt or
// read-only file, or a request the file cannot satisfy. `code` lets services pick a dialog; `message` is
// written for the user and names the file.

import { basename } from 'node:path'

export type StoreErrorCode =
  | 'missing'      // no file there
  | 'exists'       // creating over an existing file
  | 'not-sqlite'   // not an SQLite database at all
  | 'foreign'      // an SQLite database of some other program
  | 'newer'        // written by a newer Receptive
  | 'corrupt'      // damaged: truncated, garbage pages, inconsistent rows
  | 'invalid'      // ours, but its schema is not one we wrote
  | 'read-only'    // the file or its folder cannot be written
  | 'busy'         // another program holds the file locked
  | 'disk-full'    // the disk ran out of space mid-write (the transaction rolled back)
  | 'closed'       // used after close()
  | 'bad-request'  // arguments the store refuses (unknown run, impossible status change, bad tensor)

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
  }
}

const name = (path: string) => `"${basename(path)}"`

/** turns an SQLite or file-system failure on `path` into a StoreError; anything else (a bug) passes unchanged */
export function storeErrorFrom(err: unknown, path: string): unknown {
  if (err instanceof StoreError) return err
  const code = (err as { code?: string }).code ?? ''
  const cause = { cause: err }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new StoreError('corrupt', `${name(path)} is damaged and cannot be opened. Open a backup copy instead.`, cause)
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('busy', `${name(path)} is in use by another program. Close it there and try again.`, cause)
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StoreError('read-only', `${name(path)} is in a place Receptive cannot write to. Save a copy elsewhere.`, cause)
  }
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') {
    return new StoreError('missing', `${name(path)} does not exist or cannot be opened.`, cause)
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError('disk-full', `The disk holding ${name(path)} is full; the last change was not written.`, cause)
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG') {
    return new StoreError('bad-request', `Refused to write to ${name(path)}: ${(err as Error).message}`, cause)
  }
  if (code.startsWith('SQLITE_')) {
    return new StoreError('corrupt', `${name(path)} could not be read: ${(err as Error).message}`, cause)
  }
  return err
}
