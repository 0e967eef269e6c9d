// The recent-projects list: a small JSON file in the settings folder, newest first, at most ten entries.
// It is rewritten atomically (temp file + rename), so a crash never leaves a half list, and entries whose
// file has gone are dropped when the list is read. A damaged list reads as empty; it is only a convenience.

import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from './atomic-file.ts'

export const RECENT_FILE = 'recent-projects.json'
export const RECENT_MAX = 10
const FORMAT = 'receptive.recent/1'

export class RecentProjects {
  private readonly file: string

  constructor(private readonly settingsDir: string, private readonly max = RECENT_MAX) {
    this.file = join(settingsDir, RECENT_FILE)
  }

  /** the list, newest first, without files that no longer exist (the file is rewritten if some went) */
  list(): string[] {
    const stored = this.read()
    const present = stored.filter(p => existsSync(p))
    if (present.length !== stored.length) this.write(present)
    return present
  }

  /** puts `path` first (moving it up if already listed) and trims the list */
  add(path: string): string[] {
    const full = resolve(path)
    return this.write([full, ...this.list().filter(p => p !== full)])
  }

  remove(path: string): string[] {
    const full = resolve(path)
    return this.write(this.list().filter(p => p !== full))
  }

  clear(): void { this.write([]) }

  private read(): string[] {
    let parsed: unknown
    try { parsed = JSON.parse(readFileSync(this.file, 'utf8')) } catch { return [] }
    const paths = (parsed as { format?: unknown; paths?: unknown })?.paths
    if ((parsed as { format?: unknown })?.format !== FORMAT || !Array.isArray(paths)) return []
    const valid = paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096)
    return [...new Set(valid.map(p => resolve(p)))].slice(0, this.max)
  }

  private write(paths: string[]): string[] {
    const kept = paths.slice(0, this.max)
    mkdirSync(this.settingsDir, { recursive: true })
    writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, paths: kept }, null, 2)}\n`)
    return kept
  }
}
