// Issue 8's look inside, in browser mode: LeNet-5 trained one epoch on the built-in digits (CPU), then the
// Inspect view: the filters drawn at the last snapshot change when the slider moves back to the start,
// feature maps of a test digit with a hover readout and its receptive field, an image file dropped on the
// view, a channel maximised; after a reload and reopening the project the filters and maps are still there.
// Screenshots of the filters and feature maps go to docs/screenshots/ (linked from the README).
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { scratchDir, serveUrl } from './serve-env.ts'

const shots = resolve(import.meta.dirname, '../../docs/screenshots')

const pixels = (canvas: Locator) => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL())

async function openProject(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Open…' }).click()
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
}

test('filters over snapshots, feature maps with receptive fields, a dropped image, after a reload too', async ({ page }) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(serveUrl().href)
  const project = page.getByRole('navigation', { name: 'Project' })
  await project.getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  const file = join(scratchDir(), `inspect-${Date.now()}`)
  await project.getByRole('button', { name: 'Save As…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Save project as' })
  await dialog.getByRole('textbox').fill(file)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const name = file.split('/').pop()!

  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Train' }).click()
  const form = page.getByRole('form', { name: 'Run settings' })
  await form.getByLabel('Epochs').fill('1')
  await form.getByLabel('Backend').selectOption('cpu')
  await form.getByRole('button', { name: 'Train' }).click()
  const progress = page.getByRole('region', { name: 'Progress' })
  await expect(progress.getByText(/^(done|failed)$/)).toBeVisible({ timeout: 240_000 })
  await expect(progress.getByText('done', { exact: true }), await progress.textContent() ?? '').toBeVisible()

  // filters: the slider starts at the newest snapshot; the first snapshot (random weights) looks different
  await views.getByRole('button', { name: 'Inspect' }).click()
  const inspect = page.getByRole('region', { name: 'Inspect view' })
  const filters = inspect.getByRole('region', { name: 'Learned filters' })
  const conv1 = filters.getByLabel('conv1 filters')
  await expect(conv1).toBeVisible({ timeout: 30_000 })
  await expect(filters.getByLabel('fc1 filters')).toBeVisible()
  const slider = filters.getByRole('slider', { name: 'Snapshot' })
  expect(Number(await slider.getAttribute('max'))).toBeGreaterThanOrEqual(2)
  const trained = await pixels(conv1)
  await filters.screenshot({ path: join(shots, 'inspect-filters.png') })
  await slider.focus()
  await page.keyboard.press('Home')
  await expect(filters.getByTestId('snapshot-at')).toContainText('step 0')
  await expect.poll(() => pixels(conv1)).not.toBe(trained)
  const start = await pixels(conv1)
  await filters.getByLabel('Normalisation').selectOption('symmetric')
  await expect.poll(() => pixels(conv1)).not.toBe(start)

  // feature maps of test digit 3, with a hover readout and the receptive field outlined in the input
  await inspect.getByRole('tab', { name: 'Feature maps' }).click()
  const maps = inspect.getByRole('region', { name: 'Feature maps' })
  await maps.getByLabel('Sample index').fill('3')
  await maps.getByRole('button', { name: 'Show feature maps' }).click()
  const channel = maps.getByLabel('conv2 channel 0')
  await expect(channel).toBeVisible({ timeout: 60_000 })
  await expect(maps.locator('[data-node="conv2"] h3')).toContainText('16×10×10')
  await expect(maps.getByLabel(/^fc3 channel 0$/)).toBeVisible()
  const box = (await channel.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.05)
  await expect(maps.getByTestId('hover-readout')).toContainText('conv2 channel 0 at (0, 0)')
  await expect(maps.getByTestId('hover-readout')).toContainText('sees input rows 0–11, columns 0–11')
  await expect(maps.getByTestId('receptive-field')).toBeVisible()
  await maps.screenshot({ path: join(shots, 'inspect-feature-maps.png') })

  // an image file dropped on the view goes through the model too
  await maps.evaluate(async (section) => {
    const c = document.createElement('canvas')
    c.width = c.height = 40
    const ctx = c.getContext('2d')!
    ctx.fillStyle = 'black'
    ctx.fillRect(0, 0, 40, 40)
    ctx.fillStyle = 'white'
    ctx.fillRect(17, 6, 6, 28)
    const blob = await new Promise<Blob>((done) => c.toBlob((b) => done(b!), 'image/png'))
    const data = new DataTransfer()
    data.items.add(new File([blob], 'one.png', { type: 'image/png' }))
    section.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })
  await expect(maps.getByText('one.png')).toBeVisible({ timeout: 30_000 })

  // the input a conv2 channel likes most
  await inspect.getByRole('tab', { name: 'Maximise a channel' }).click()
  const maximize = inspect.getByRole('region', { name: 'Activation maximisation' })
  await maximize.getByLabel('Layer').selectOption('conv2')
  await maximize.getByLabel('Steps').fill('16')
  await maximize.getByRole('button', { name: 'Maximise' }).click()
  await expect(maximize.getByLabel('Input maximising conv2 channel 0')).toBeVisible({ timeout: 60_000 })

  // reload and reopen: the filters and the (cached) feature maps come back from the project file
  await page.reload()
  await project.getByRole('button', { name: 'New' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')
  await openProject(page, name)
  await views.getByRole('button', { name: 'Inspect' }).click()
  await expect(conv1).toBeVisible({ timeout: 30_000 })
  expect(await pixels(conv1)).toBe(trained)
  await inspect.getByRole('tab', { name: 'Feature maps' }).click()
  await maps.getByLabel('Sample index').fill('3')
  await maps.getByRole('button', { name: 'Show feature maps' }).click()
  await expect(maps.getByLabel('conv2 channel 0')).toBeVisible({ timeout: 10_000 })
})
