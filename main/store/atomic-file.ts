// Replacing a file so that a crash leaves either the old or the new one, never half of each: write a
// temporary sibling, flush it, rename it over the target, then flush the folder so the rename itself lasts.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** a temporary name beside `path` (same folder, so rename stays on one file system) */
export function siblingTemp(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${purpose}`)
}

export function writeFileAtomic(path: string, text: string): void {
  const tmp = siblingTemp(path, 'tmp')
  try {
    const fd = openSync(tmp, 'w', 0o644)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally { closeSync(fd) }
    renameDurably(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

/** renames a finished, flushed file into place and flushes the folder entry */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to)
  const dir = openSync(dirname(to), 'r')
  try { fsyncSync(dir) } finally { closeSync(dir) }
}
