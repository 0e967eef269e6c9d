// Untitled projects left behind by a Receptive that did not close (killed, crashed, power lost): those
// holding work are offered back (project.recoverable), never-edited ones are deleted. A file is a
// leftover only when no live process holds it (project-recovery-owner.ts).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { RecoverableProject } from '../../preload/contract.ts'
import { ProjectStore } from '../store/index.ts'
import { removeDatabaseFiles } from '../store/open-database.ts'
import { isUntitledName, letGo, ownerAlive, takeOver } from './project-recovery-owner.ts'
import { starterGraph } from './starter-graph.ts'

/** the untitled files in `dir` (the folder may not exist yet) */
function untitledFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(isUntitledName).map((f) => join(dir, f)) : []
}

/** the untitled files in `dir` that no live process holds */
function leftovers(dir: string): string[] {
  return untitledFiles(dir).filter((p) => !ownerAlive(p))
}

/** deletes an untitled project this process holds */
export function removeUntitled(path: string): void {
  removeDatabaseFiles(path)
  letGo(path)
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

/** the leftovers in `dir` that hold work, newest first; empty ones are deleted, unreadable ones left alone */
export function findRecoverable(dir: string): RecoverableProject[] {
  const found: RecoverableProject[] = []
  for (const path of leftovers(dir)) {
    try {
      const leftover = describe(path)
      if (leftover) found.push(leftover)
      else removeUntitled(takeOver(path))
    } catch {
      // damaged, or taken by another process meanwhile: not offered, not deleted here
    }
  }
  return found.sort((a, b) => b.modifiedAt - a.modifiedAt)
}

/** makes a leftover of `dir` this process's own, to recover or discard it; returns its new path */
export function claimLeftover(dir: string, path: string): string {
  if (!untitledFiles(dir).includes(path)) throw new Error('there is no such unsaved project to recover')
  if (ownerAlive(path)) throw new Error('this unsaved project is open in another Receptive window')
  ProjectStore.open(path).close() // rolls back a write the crash cut short, so the file moves whole
  return takeOver(path)
}
