// Untitled projects left behind by a Receptive that did not close (killed, crashed, power lost): those
// holding work are offered back (project.recoverable), never-edited ones are deleted. A file is a
// leftover only when no live process holds its claim (project-recovery-lock.ts).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { RecoverableProject } from '../../preload/contract.ts'
import { PROJECT_EXTENSION, ProjectStore } from '../store/index.ts'
import { removeDatabaseFiles } from '../store/open-database.ts'
import { claimUntitled, type UntitledLock } from './project-recovery-lock.ts'
import { starterGraph } from './starter-graph.ts'

/** the untitled files in `dir` (the folder itself may not exist yet) */
function untitledFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((f) => f.startsWith('untitled-') && f.endsWith(PROJECT_EXTENSION)).map((f) => join(dir, f))
}

/** deletes an untitled project and its claim; the caller holds the claim */
export function removeUntitled(path: string, lock: UntitledLock): void {
  removeDatabaseFiles(path)
  lock.release(true)
}

/** what a leftover holds, or null when it holds nothing worth keeping (the starter graph, no runs or datasets) */
function describe(path: string): RecoverableProject | null {
  const modifiedAt = statSync(path).mtimeMs // before opening, which may mark interrupted runs
  const store = ProjectStore.open(path) // read-write: rolls back a write the crash cut short
  try {
    const graph = store.graph.get()
    const runs = store.runs.list().length
    const datasets = store.datasets.list().length
    const starter = starterGraph()
    const untouched = graph === null || (isDeepStrictEqual(graph.spec, starter.spec) && isDeepStrictEqual(graph.layout, starter.layout))
    if (untouched && runs === 0 && datasets === 0) return null
    const nodes = (graph?.spec as { nodes?: { op: string }[] } | undefined)?.nodes ?? []
    const layers = nodes.filter((n) => n.op !== 'input').length
    return { path, name: store.info().name, modifiedAt, summary: { layers, runs, datasets } }
  } finally {
    store.close()
  }
}

/**
 * The leftovers in `dir` that hold work, newest first. Empty ones are deleted; files that cannot be read
 * (damaged) are left alone and not offered. Each file is claimed while it is looked at, so two
 * processes starting together never both act on it.
 */
export function findRecoverable(dir: string): RecoverableProject[] {
  const found: RecoverableProject[] = []
  for (const path of untitledFiles(dir)) {
    let lock: UntitledLock | null = null
    try {
      lock = claimUntitled(path)
      if (!lock) continue // its owner is alive
      if (!existsSync(path)) { lock.release(true); continue } // removed while we looked
      const leftover = describe(path)
      if (leftover) found.push(leftover)
      else removeUntitled(path, lock)
    } catch {
      // unreadable or unclaimable: not offered, not deleted
    } finally {
      lock?.release()
    }
  }
  // claims whose project is gone (a crash between creating the claim and the file)
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const project = join(dir, f.slice(0, -'.lock'.length))
    if (!f.endsWith(`${PROJECT_EXTENSION}.lock`) || existsSync(project)) continue
    const lock = claimUntitled(project)
    if (lock && !existsSync(project)) lock.release(true)
    else lock?.release()
  }
  return found.sort((a, b) => b.modifiedAt - a.modifiedAt)
}

/** claims a leftover of `dir` to recover or discard it; refuses anything else, and one a live process holds */
export function claimLeftover(dir: string, path: string): UntitledLock {
  if (!untitledFiles(dir).includes(path)) throw new Error('there is no such unsaved project to recover')
  const lock = claimUntitled(path)
  if (!lock) throw new Error('this unsaved project is open in another Receptive window')
  if (!existsSync(path)) {
    lock.release(true)
    throw new Error('this unsaved project was discarded already')
  }
  return lock
}
