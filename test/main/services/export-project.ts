// A project file for the export tests: LeNet-5 trained by nobody, with two runs of its spec: run 1 has a
// checkpoint (seeded weights, batch-norm-free so every value is a parameter) and a dataset recording
// classes and mean/std; run 2 has no checkpoint. Shared by the service and CLI tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Weights } from '../../../engine/export/weights.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'
import { ProjectStore } from '../../../main/store/index.ts'
import { exportCase, type ExportCase } from '../../engine/export/export-models.ts'

export const CLASSES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

export interface ExportProject extends ExportCase { dir: string; path: string; trained: number; untrained: number; dispose(): void }

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
  store.recordEvents([{ kind: 'checkpoint', runId: trained, step: 10, epoch: 1, state: {}, weights, optimizer: {} }])
  store.close()
  return { ...c, dir, path, trained, untrained, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
