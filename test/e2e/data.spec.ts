// Issue 5's Data view in browser mode: an image folder made of the committed fixture PNGs, with one file
// that only pretends to be a PNG, typed as a path, recognised, imported; the summary names the bad file
// and counts the classes, the preview grid shows samples of each class; saved to the project it is
// listed, and still listed after a reload, a switch to another project and back. Also a built-in set.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { scratchDir, serveUrl } from './serve-env.ts'

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/data/images', name)
const shots = resolve(import.meta.dirname, '../../docs/screenshots')

/** cat: 3 grey PNGs and notes.png (text); dog: 2 RGB PNGs and a JPEG */
function pictures(): string {
  const root = join(scratchDir(), `pictures-${Date.now()}`)
  mkdirSync(join(root, 'cat'), { recursive: true })
  mkdirSync(join(root, 'dog'), { recursive: true })
  for (const i of [1, 2, 3]) copyFileSync(fixture('grey.png'), join(root, 'cat', `${i}.png`))
  writeFileSync(join(root, 'cat', 'notes.png'), 'not a picture, just notes\n')
  copyFileSync(fixture('rgb.png'), join(root, 'dog', '1.png'))
  copyFileSync(fixture('rgb.png'), join(root, 'dog', '2.png'))
  copyFileSync(fixture('rgb.jpg'), join(root, 'dog', '3.jpg'))
  return root
}

async function newProject(page: Page, file: string) {
  const bar = page.getByRole('navigation', { name: 'Project' })
  await bar.getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  await bar.getByRole('button', { name: 'Save As…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save project as' })
  await dialog.getByRole('textbox').fill(file)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}

const dataView = (page: Page) => page.getByRole('region', { name: 'Data view' })

test('import an image folder with a bad file, see it named, preview and save the dataset, find it after a reload', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1300, height: 950 })
  await page.goto(serveUrl().href)
  const file = join(scratchDir(), `data-${Date.now()}`)
  await newProject(page, file)
  const name = file.split('/').pop()!

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Data' }).click()
  const view = dataView(page)
  const root = pictures()
  await view.getByLabel('Dataset path').fill(root)
  await view.getByRole('button', { name: 'Open' }).click()
  await expect(view.getByTestId('detected-format')).toContainText('image folder')

  const options = view.getByRole('form', { name: 'Import options' })
  await expect(options.getByLabel('Skip bad files')).toBeChecked()
  await options.getByLabel('Height').fill('8')
  await options.getByLabel('Width').fill('8')
  await options.getByLabel('Resize').selectOption('fit')
  await options.getByLabel('Colour').selectOption({ label: 'RGB' })
  await options.getByRole('button', { name: 'Import' }).click()

  const summary = view.getByRole('region', { name: 'Dataset summary' })
  await expect(summary).toBeVisible({ timeout: 30_000 })
  await expect(summary.getByTestId('input-shape')).toHaveText('[3, 8, 8]')
  const classes = summary.getByRole('table', { name: 'Classes' })
  await expect(classes.getByRole('row', { name: /cat/ })).toContainText('3')
  await expect(classes.getByRole('row', { name: /dog/ })).toContainText('3')
  const bad = summary.getByRole('region', { name: 'Bad files' })
  await expect(bad).toContainText('1 bad file left out')
  await expect(bad).toContainText(join(root, 'cat', 'notes.png'))

  // the preview grid: a row per class with its samples drawn
  const samples = view.getByRole('region', { name: 'Samples' })
  await expect(samples.getByRole('group', { name: 'Class cat' }).locator('canvas')).toHaveCount(3)
  await expect(samples.getByRole('group', { name: 'Class dog' }).locator('canvas')).toHaveCount(3)
  await page.screenshot({ path: join(shots, 'data-import.png') })

  const save = view.getByRole('form', { name: 'Save dataset' })
  await expect(save.getByLabel('Dataset name')).toHaveValue(root.split('/').pop()!)
  await save.getByLabel('Dataset name').fill('Pets')
  await save.getByRole('button', { name: 'Save to project' }).click()
  await expect(save.getByRole('status')).toHaveText('Saved as “Pets” in the project.')
  const saved = view.getByRole('list', { name: 'Saved datasets' })
  await expect(saved.getByRole('button', { name: 'Pets', exact: true })).toBeVisible()

  // reload, switch to a new project (nothing saved there) and reopen this one: still listed
  await page.reload()
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Data' }).click()
  await expect(saved.getByRole('button', { name: 'Pets', exact: true })).toBeVisible()
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  await expect(view.getByText('No datasets saved yet.')).toBeVisible()
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Open…' }).click()
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await saved.getByRole('button', { name: 'Pets', exact: true }).click()
  await expect(view.getByRole('heading', { name: 'Pets' })).toBeVisible()
  const facts = view.getByRole('definition').filter({ hasText: 'cat, dog' })
  await expect(facts).toBeVisible()
  await expect(view.getByText(`${root} (image-folder)`)).toBeVisible()
  await expect(samples.getByRole('group', { name: 'Class dog' }).locator('canvas')).toHaveCount(3)
})

test('an import that stops at a bad file names it, and imports again skipping it', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto(serveUrl().href)
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Data' }).click()
  const view = dataView(page)
  const root = pictures()
  await view.getByLabel('Dataset path').fill(root)
  await view.getByRole('button', { name: 'Open' }).click()
  const options = view.getByRole('form', { name: 'Import options' })
  await options.getByLabel('Skip bad files').uncheck()
  await options.getByRole('button', { name: 'Import' }).click()
  const failed = view.getByRole('region', { name: 'Import failed' })
  await expect(failed).toContainText('Nothing was imported')
  await expect(failed).toContainText(join(root, 'cat', 'notes.png'))
  await failed.getByRole('button', { name: 'Import again, skipping bad files' }).click()
  await expect(view.getByRole('region', { name: 'Bad files' })).toContainText(join(root, 'cat', 'notes.png'))
})

test('a built-in set shows its classes and samples at once', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto(serveUrl().href)
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Data' }).click()
  const view = dataView(page)
  await view.getByRole('button', { name: /^Shapes/ }).click()
  const summary = view.getByRole('region', { name: 'Dataset summary' })
  await expect(summary.getByTestId('input-shape')).toHaveText('[1, 28, 28]', { timeout: 30_000 })
  const samples = view.getByRole('region', { name: 'Samples' })
  for (const c of ['circle', 'square', 'triangle']) {
    await expect(samples.getByRole('group', { name: `Class ${c}` }).locator('canvas')).toHaveCount(8)
  }
  // the test split: its class sizes are the summary's test column
  const testCircles = (await summary.getByRole('table', { name: 'Classes' }).getByRole('row', { name: /circle/ }).getByRole('cell').nth(2).textContent())!
  await samples.getByLabel('Split').selectOption('test')
  await expect(samples.getByText('loading samples…')).toBeHidden()
  await expect(samples.getByRole('group', { name: 'Class circle' }).getByText(testCircles, { exact: true })).toBeVisible()
  await expect(samples.getByRole('group', { name: 'Class circle' }).locator('canvas')).toHaveCount(8)

  // 1D signals are drawn as lines
  await view.getByRole('button', { name: /^Waveforms/ }).click()
  await expect(summary.getByTestId('input-shape')).toHaveText('[1, 128]', { timeout: 30_000 })
  const sine = samples.getByRole('group', { name: 'Class sine' })
  await expect(sine.getByRole('img')).toHaveCount(8)
  expect((await sine.locator('polyline').first().getAttribute('points'))!.split(' ')).toHaveLength(128)
  await page.screenshot({ path: join(shots, 'data-waveforms.png') })
})
