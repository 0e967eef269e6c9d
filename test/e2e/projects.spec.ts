// Project commands in browser mode, where the open and save dialogs are a path field: Save As names the
// project, New starts again from LeNet-5, Open brings the named one back from the recent list.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { scratchDir, serveUrl } from './serve-env.ts'

test('save as, new and open through the top bar and the keyboard', async ({ page }) => {
  await page.goto(serveUrl().href)
  const heading = page.getByRole('heading', { level: 1 })
  const project = page.getByRole('navigation', { name: 'Project' })
  // other specs share this server: start from a new project
  await project.getByRole('button', { name: 'New' }).click()
  await expect(heading).toHaveText('Untitled')

  // Ctrl+S on an untitled project asks where to save it
  await page.keyboard.press('Control+s')
  const saveDialog = page.getByRole('dialog', { name: 'Save project as' })
  await expect(saveDialog).toBeVisible()
  const file = join(scratchDir(), `e2e-${Date.now()}`)
  await saveDialog.getByRole('textbox').fill(file)
  await saveDialog.getByRole('button', { name: 'Save' }).click()
  await expect(saveDialog).toBeHidden()
  const name = file.split('/').pop()!
  await expect(heading).toHaveText(name)
  expect(existsSync(`${file}.receptive`)).toBe(true)

  // saving over it again without "replace" is refused inside the dialog
  await project.getByRole('button', { name: 'Save As…' }).click()
  await saveDialog.getByRole('textbox').fill(`${file}.receptive`)
  await saveDialog.getByRole('button', { name: 'Save' }).click()
  await expect(saveDialog.getByRole('alert')).toContainText('already exists')
  await saveDialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(heading).toHaveText(name)

  await project.getByRole('button', { name: 'New' }).click()
  await expect(heading).toHaveText('Untitled')

  await project.getByRole('button', { name: 'Open…' }).click()
  const openDialog = page.getByRole('dialog', { name: 'Open project' })
  await openDialog.getByRole('button', { name }).click()
  await expect(openDialog).toBeHidden()
  await expect(heading).toHaveText(name)

  // a file that is not a project is refused with the store's message; the project stays open
  await page.keyboard.press('Control+o')
  await openDialog.getByRole('textbox').fill(join(scratchDir(), 'nothing-here.receptive'))
  await openDialog.getByRole('button', { name: 'Open' }).click()
  await expect(openDialog.getByRole('alert')).toContainText('does not exist')
  await page.keyboard.press('Escape')
  await expect(openDialog).toBeHidden()
  await expect(heading).toHaveText(name)
})

test('every open tab follows the project that main has open', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()]
  for (const p of [first, second]) await p.goto(serveUrl().href)
  const file = join(scratchDir(), `shared-${Date.now()}`)
  await first.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'Save As…' }).click()
  const dialog = first.getByRole('dialog', { name: 'Save project as' })
  await dialog.getByRole('textbox').fill(file)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(second.getByRole('heading', { level: 1 })).toHaveText(file.split('/').pop()!)
  await second.getByRole('navigation', { name: 'Project' }).getByRole('button', { name: 'New' }).click()
  await expect(first.getByRole('heading', { level: 1 })).toHaveText('Untitled')
})
