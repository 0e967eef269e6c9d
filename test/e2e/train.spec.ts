// Issue 8's training loop in browser mode: a new project (LeNet-5), one epoch on the built-in digits on the
// CPU, curves that grow while it trains, validation accuracy of at least 90 %, the evaluation of the
// finished run, a second run paused and resumed and compared with the first, and, after a reload and
// reopening the project, the run and its curves still there.
// Screenshots of the dashboard, the evaluation and the comparison go to docs/screenshots/ (linked from the README).
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { scratchDir, serveUrl } from './serve-env.ts'

const shots = resolve(import.meta.dirname, '../../docs/screenshots')

async function saveAs(page: Page, file: string) {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Save As…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save project as' })
  await dialog.getByRole('textbox').fill(file)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}

const points = (page: Page, chart: string) => page.getByLabel(`${chart} chart`).getAttribute('data-points').then(Number)

test('train LeNet-5 on the digits for one epoch, watch it, evaluate it, and find it again after a reload', async ({ page }) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(serveUrl().href)
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  const file = join(scratchDir(), `train-${Date.now()}`)
  await saveAs(page, file)
  const name = file.split('/').pop()!

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Train' }).click()
  const form = page.getByRole('form', { name: 'Run settings' })
  await expect(form.getByLabel('Dataset')).toHaveValue('digits')
  await form.getByLabel('Epochs').fill('1')
  await form.getByLabel('Backend').selectOption('cpu')
  await form.getByRole('button', { name: 'Train' }).click()

  // the curves grow while the epoch trains: count the distinct sizes the loss chart goes through
  const dashboard = page.getByRole('region', { name: 'Dashboard' })
  const progress = dashboard.getByRole('region', { name: 'Progress' })
  await expect(progress).toBeVisible()
  const seen = new Set<number>()
  const deadline = Date.now() + 200_000
  while (Date.now() < deadline) {
    const n = await points(page, 'Loss')
    if (n > 0) seen.add(n)
    if (await progress.getByText(/^(done|failed)$/).isVisible()) break
    await page.waitForTimeout(100)
  }
  await expect(progress.getByText('done', { exact: true })).toBeVisible()
  expect(seen.size).toBeGreaterThanOrEqual(5)

  const accuracy = Number((await progress.getByTestId('val-accuracy').textContent())!.replace('%', '')) / 100
  expect(accuracy).toBeGreaterThanOrEqual(0.9)
  await expect(progress).toContainText('epoch 1 of 1')
  const runs = page.getByRole('region', { name: 'Runs' })
  await expect(runs.getByRole('row', { name: /Run 1/ })).toContainText('done')
  await expect(runs.getByRole('row', { name: /Run 1/ })).toContainText('conv 6 5×5')
  await page.screenshot({ path: join(shots, 'train-dashboard.png') })

  // the finished run leaves as an ONNX model (the export itself is checked against onnxruntime in test/engine/export)
  await runs.getByRole('button', { name: 'Export Run 1' }).click()
  const exporter = page.getByRole('dialog', { name: 'Export Run 1' })
  await exporter.getByRole('textbox').fill(`${file}.onnx`)
  await exporter.getByRole('button', { name: 'Export' }).click()
  await expect(exporter.getByRole('status')).toContainText(`Written to ${file}.onnx`)
  await exporter.getByRole('button', { name: 'Close' }).click()
  await expect(exporter).toBeHidden()

  // evaluation: the confusion matrix; a cell shows its images
  const evaluation = page.getByRole('region', { name: 'Evaluation' })
  const matrix = evaluation.getByRole('table', { name: 'Confusion matrix' })
  await expect(matrix).toBeVisible({ timeout: 60_000 })
  await expect(evaluation.getByRole('table', { name: 'Per-class accuracy' }).getByRole('row')).toHaveCount(11)
  await matrix.getByRole('button', { name: /of 7 predicted as 7$/ }).click()
  await expect(evaluation.getByRole('heading', { name: /True 7, predicted 7/ })).toBeVisible()
  await expect(evaluation.getByLabel(/^sample \d+$/).first()).toBeVisible()
  await evaluation.scrollIntoViewIfNeeded()
  await evaluation.screenshot({ path: join(shots, 'train-evaluation.png') })

  // a second run with SGD, paused and resumed on the way, then both overlaid and compared
  await form.getByLabel('Name').fill('SGD run')
  await form.getByLabel('Epochs').fill('1')
  await form.getByLabel('Kind').selectOption('sgd')
  await form.getByLabel('Learning rate').fill('0.01')
  await form.getByLabel('Backend').selectOption('cpu')
  await form.getByRole('button', { name: 'Train' }).click()
  await expect(dashboard.getByRole('heading', { name: 'SGD run' })).toBeVisible()
  await form.getByRole('button', { name: 'Pause' }).click()
  await expect(progress.getByText('paused', { exact: true })).toBeVisible({ timeout: 30_000 })
  await form.getByRole('button', { name: 'Resume' }).click()
  await expect(progress.getByText('done', { exact: true })).toBeVisible({ timeout: 120_000 })
  await expect(runs.getByRole('row', { name: /SGD run/ })).toContainText('sgd lr 0.01')

  await runs.getByRole('checkbox', { name: 'Compare Run 1' }).check()
  await runs.getByRole('checkbox', { name: 'Compare SGD run' }).check()
  await expect(dashboard.getByRole('heading', { name: '2 runs compared' })).toBeVisible()
  const settings = page.getByRole('table', { name: 'Settings compared' })
  await expect(settings.getByRole('row', { name: /optimizer\.kind/ })).toContainText('"adam"')
  await expect(settings.getByRole('row', { name: /optimizer\.kind/ })).toContainText('"sgd"')
  await expect(settings.getByRole('row', { name: /^epochs/ })).toHaveCount(0) // the same in both: hidden
  await expect(page.getByRole('table', { name: 'Graph compared' })).toContainText('the same in every run')
  await page.screenshot({ path: join(shots, 'train-compare.png') })
  await runs.getByRole('checkbox', { name: 'Compare SGD run' }).uncheck()
  await runs.getByRole('button', { name: 'Run 1', exact: true }).click()
  await expect(dashboard.getByRole('heading', { name: 'Run 1' })).toBeVisible()
  const recorded = await points(page, 'Loss')

  // reload, switch away and reopen the project: the run and its curves come back from the file
  await page.reload()
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Open…' }).click()
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Train' }).click()
  await expect(runs.getByRole('row', { name: /Run 1/ })).toContainText('done')
  await expect.poll(() => points(page, 'Loss')).toBe(recorded)
  await expect(evaluation.getByRole('table', { name: 'Confusion matrix' })).toBeVisible()
})
