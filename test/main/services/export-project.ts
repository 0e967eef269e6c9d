// A project file for the export tests: LeNet-5 trained by nobody, with three runs of its spec: one with a
// checkpoint (seeded weights) and a dataset recording classes and mean/std, one without a checkpoint, and
// one with a checkpoint whose dataset file is gone. Shared by the service and CLI tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Weights } from '../../../engine/export/prepare.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'
import { ProjectStore } from '../../../main/store/index.ts'
import { exportCase, type ExportCase } from '../../engine/export/export-models.ts'

export const CLASSES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

export interface ExportProject extends ExportCase {
  dir: string; path: string; trained: number; untrained: number; dataGone: number; dispose(): void
}

export async function exportProject(): Promise<ExportProject> {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-export-'))
  const path = join(dir, 'digits.receptive')
  const spec = TEMPLATES.lenet5.spec()
  const c = await exportCase(spec)
  const store = ProjectStore.create(path, { appVersion: '0.0.1-test' })
  const dataset = {
    format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'digits' }, classes: CLASSES,
    normalization: { mode: 'standardize', mean: [0.13], std: [0.31] },
  }
  const run = { spec, hyper: {}, dataset, backend: 'cpu' as const, seed: 1 }
  const trained = store.runs.create({ ...run, name: 'lenet' })
  const untrained = store.runs.create({ ...run, name: 'fresh' })
  const weights: Weights = c.weights
  const dataGone = store.runs.create({ ...run, name: 'moved', dataset: { format: 'receptive.dataset/1', source: { kind: 'path', path: join(dir, 'moved.npz') } } })
  for (const runId of [trained, dataGone]) store.recordEvents([{ kind: 'checkpoint', runId, step: 10, epoch: 1, state: {}, weights, optimizer: {} }])
  store.close()
  return { ...c, dir, path, trained, untrained, dataGone, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
