// What makes a file a Receptive project, checked from its first 100 bytes before SQLite touches it:
// the SQLite magic, our application_id (header offset 68) and a schema version (user_version, offset 60)
// that this build can read. Reading the header ourselves means a refused file is never opened by SQLite at all.

import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { StoreError, storeErrorFrom } from './store-error.ts'

/** `PRAGMA application_id` of every project: the ASCII bytes "RCPT" (0x52435054), so `file(1)` can tell it apart */
export const APPLICATION_ID = 0x52435054
/** `PRAGMA user_version` this build writes; older files are migrated forward, newer ones refused */
export const SCHEMA_VERSION = 2
export const PROJECT_EXTENSION = '.receptive'

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

export interface FileHeader {
  pageSize: number
  schemaVersion: number
  /** a non-empty rollback journal lies beside the file: a write was cut off and must be rolled back */
  hotJournal: boolean
}

/** reads and checks the header of `path` without writing anything; throws a StoreError when it is not ours */
export function inspectProjectFile(path: string): FileHeader {
  const shown = `"${basename(path)}"`
  const size = fileSize(path)
  if (size === 0) throw new StoreError('not-sqlite', `${shown} is empty: it is not a Receptive project.`)
  const head = readHead(path, Math.min(size, HEADER_SIZE))
  if (head.length < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new StoreError('not-sqlite', `${shown} is not a Receptive project (it is not an SQLite database).`)
  }
  if (head.length < HEADER_SIZE) throw new StoreError('corrupt', `${shown} is damaged: it ends inside its header.`)
  const rawPage = head.readUInt16BE(16)
  const pageSize = rawPage === 1 ? 65536 : rawPage
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new StoreError('corrupt', `${shown} is damaged: its header names an impossible page size (${rawPage}).`)
  }
  if (head.readInt32BE(68) !== APPLICATION_ID) {
    throw new StoreError('foreign', `${shown} is an SQLite database of another program, not a Receptive project.`)
  }
  const schemaVersion = head.readInt32BE(60)
  if (schemaVersion > SCHEMA_VERSION) {
    throw new StoreError('newer', `${shown} was saved by a newer version of Receptive (file format ${schemaVersion}; `
      + `this version reads up to ${SCHEMA_VERSION}). Update Receptive to open it.`)
  }
  if (schemaVersion < 1) throw new StoreError('invalid', `${shown} is an unfinished Receptive project: it holds no schema.`)
  const hotJournal = journalSize(path) > 0
  // with a hot journal the file may legitimately be mid-transaction; sqlite's rollback and quick_check judge it
  if (!hotJournal) checkLength(head, size, pageSize, shown)
  return { pageSize, schemaVersion, hotJournal }
}

// the header's page count is trustworthy only when the version-valid-for number matches the change counter
function checkLength(head: Buffer, size: number, pageSize: number, shown: string): void {
  const pages = head.readUInt32BE(28)
  const headerValid = pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92)
  if (size % pageSize !== 0 || (headerValid && size < pages * pageSize)) {
    throw new StoreError('corrupt', `${shown} is damaged: the file is shorter than its header says (truncated). `
      + 'Open a backup copy instead.')
  }
}

function fileSize(path: string): number {
  let st
  try { st = statSync(path) } catch (err) { throw storeErrorFrom(err, path) }
  if (!st.isFile()) throw new StoreError('not-sqlite', `"${basename(path)}" is not a file.`)
  return st.size
}

function readHead(path: string, n: number): Buffer {
  const buf = Buffer.alloc(n)
  let fd: number
  try { fd = openSync(path, 'r') } catch (err) { throw storeErrorFrom(err, path) }
  try { readSync(fd, buf, 0, n, 0) } finally { closeSync(fd) }
  return buf
}

function journalSize(path: string): number {
  const journal = `${path}-journal`
  return existsSync(journal) ? statSync(journal).size : 0
}
