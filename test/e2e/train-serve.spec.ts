// `npm run serve -- <project>` opens that project: a project file holding a finished run (written here
// through the project store, as a training would have left it) is served by a second browser-mode server,
// whose page shows the project's name and, in the Train tab, the run with its recorded curves.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { TEMPLATES } from '../../engine/graph/templates.ts'
import { ProjectStore } from '../../main/store/index.ts'
import { printedUrl, startScript } from './serve-process.ts'

let dir = ''
let server: ChildProcess | undefined

test.afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done))
    server.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

function recordedProject(path: string): number {
  const store = ProjectStore.create(path, { appVersion: 'e2e' })
  try {
    store.graph.put(TEMPLATES.lenet5.spec(), {})
    const dataset = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'digits' } }
    const runId = store.runs.create({ name: 'Recorded run', spec: TEMPLATES.lenet5.spec(), dataset, backend: 'cpu', seed: 1,
      hyper: { epochs: 2, batchSize: 32, optimizer: { kind: 'adam', lr: 0.001 } } }, 'running')
    const steps = Array.from({ length: 40 }, (_, i) => i + 1)
    store.recordEvents([
      ...steps.map((step) => ({ kind: 'metrics' as const, runId, step, epoch: step > 20 ? 1 : 0, scope: 'step' as const, split: 'train' as const,
        values: { loss: 2 / Math.sqrt(step), accuracy: 1 - 1 / Math.sqrt(step) } })),
      ...[20, 40].flatMap((step, e) => (['train', 'val'] as const).map((split) => ({ kind: 'metrics' as const, runId, step, epoch: e + 1,
        scope: 'epoch' as const, split, values: { loss: 0.5 / (e + 1), accuracy: 0.9 + e * 0.03 } }))),
    ])
    store.runs.setStatus(runId, 'done')
    return runId
  } finally {
    store.close()
  }
}

test('npm run serve -- <project> opens that project, with its runs and curves', async ({ page }) => {
  dir = mkdtempSync(join(tmpdir(), 'receptive-serve-'))
  const project = join(dir, 'recorded.receptive')
  recordedProject(project)
  server = startScript('main/serve.ts', ['--port', '0', project], dir, { RECEPTIVE_SETTINGS_DIR: join(dir, 'settings') })
  const { url } = await printedUrl(server)

  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('recorded')
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Train' }).click()
  const row = page.getByRole('region', { name: 'Runs' }).getByRole('row', { name: /Recorded run/ })
  await expect(row).toContainText('done')
  await expect(row).toContainText('93.0%') // the best validation accuracy recorded
  await expect(page.getByRole('region', { name: 'Dashboard' }).getByRole('heading', { name: 'Recorded run' })).toBeVisible()
  // 40 steps of training loss and 2 epochs of validation loss
  await expect.poll(() => page.getByLabel('Loss chart').getAttribute('data-points')).toBe('42')
})
