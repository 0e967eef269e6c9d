// The editor from the keyboard: find a layer with Ctrl+F, add it with Enter after the selected layer,
// nudge with the arrows, delete, undo, select all and clear the selection; no keys while another view shows.
import { expect, test } from '@playwright/test'
import { exchange } from './socket-frames.ts'
import { serveUrl } from './serve-env.ts'

test.use({ viewport: { width: 1400, height: 900 } })

test('build and edit with the keyboard', async ({ page }) => {
  await page.goto(serveUrl().href)
  await page.getByLabel('New graph from a template').selectOption('lenet5')
  const nodes = page.locator('.svelte-flow__node')
  await expect(nodes).toHaveCount(13)
  const node = (id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`)

  // select the last layer (focus it, Enter), then find Dropout and add it after
  await node('fc2').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('complementary', { name: 'Properties' })).toContainText('fc2')
  await page.keyboard.press('Control+f')
  await expect(page.getByRole('searchbox', { name: 'Search layers' })).toBeFocused()
  await page.keyboard.type('dropout')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Dropout' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(node('drop1')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Edge from fc2 to drop1, shape 84' })).toBeAttached()

  // arrows nudge the selected layer; Delete removes it; undo brings each step back
  await node('drop1').focus()
  const at = await node('drop1').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  await expect.poll(() => node('drop1').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform)
    return [m.e, m.f]
  })).toEqual([at.e + 20, at.f + 50])
  await page.keyboard.press('Delete')
  await expect(node('drop1')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(node('drop1')).toBeVisible()
  await page.keyboard.press('Control+z') // the three nudges were one step
  await expect.poll(() => node('drop1').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)).toBe(at.e)
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => node('drop1').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)).toBe(at.e + 20)

  // Ctrl+A selects every layer, Escape clears the selection
  await page.keyboard.press('Control+a')
  await expect(page.locator('.svelte-flow__node.selected')).toHaveCount(14)
  await expect(page.getByRole('complementary', { name: 'Properties' })).toContainText('14 layers selected')
  await page.keyboard.press('Escape')
  await expect(page.locator('.svelte-flow__node.selected')).toHaveCount(0)

  // while another view shows, the hidden editor takes no keys
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Train' }).click()
  await page.locator('body').press('Control+a')
  await page.keyboard.press('Delete')
  await views.getByRole('button', { name: 'Build' }).click()
  await expect(page.locator('.svelte-flow__node.selected')).toHaveCount(0)
  await expect(nodes).toHaveCount(14)

  await exchange(page, [JSON.stringify({ id: 1, call: 'project.new' })])
})
