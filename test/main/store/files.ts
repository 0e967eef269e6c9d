// Helpers for store tests: throw-away folders, a fingerprint of a file (bytes and mtime) to prove that
// a refused file was not touched, and a small project with some content.

import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectStore } from '../../../main/store/index.ts'

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-store-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface Fingerprint { sha256: string; mtimeMs: number; siblings: string[] }

/** the file's content hash and mtime, and the names in its folder (a stray -journal would show there) */
export function fingerprint(path: string, dir: string): Fingerprint {
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: statSync(path).mtimeMs,
    siblings: readdirSync(dir).sort(),
  }
}

export const tinySpec = { format: 'receptive.graph/1', nodes: [{ id: 'in', op: 'input', shape: [1, 4, 4] }], output: 'in' }

/** a project holding one graph, one dataset and one finished run with a few metrics */
export function makeProject(path: string): void {
  const store = ProjectStore.create(path, { appVersion: '0.1.0' })
  store.graph.put(tinySpec, { in: { x: 1, y: 2 } })
  store.datasets.put('digits', { kind: 'builtin' })
  const run = store.runs.create({ name: 'r', spec: tinySpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 }, 'running')
  store.recordEvents([{ kind: 'metrics', runId: run, step: 1, epoch: 1, scope: 'epoch', split: 'val', values: { accuracy: 0.5 } }])
  store.runs.setStatus(run, 'done')
  store.close()
}
