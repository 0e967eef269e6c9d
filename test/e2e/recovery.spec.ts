// Nothing lost on a crash: a main process (a stand-in child) edits its untitled project and is killed -9;
// the next `npm run serve` on the same settings folder offers the project back on start, and Recover opens
// it with the edit (input and 2 layers instead of the starter's LeNet-5), still untitled. Its own server and folder.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, test } from '@playwright/test'
import { printedUrl, startScript } from './serve-process.ts'

let dir = ''
const children: ChildProcess[] = []

test.afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue
    const exited = new Promise((done) => c.once('exit', done))
    c.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

function start(script: string, args: string[], settings: string): ChildProcess {
  const child = startScript(script, args, dir, { RECEPTIVE_SETTINGS_DIR: settings })
  children.push(child)
  return child
}

async function firstLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = pattern.exec(line)
    if (m) return m[1]
  }
  throw new Error('the process ended before printing what the test waits for')
}

test('unsaved work of a killed main is offered back on the next start and recovered with its edit', async ({ page }) => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'receptive-recovery-e2e-'))
  const settings = join(dir, 'settings')

  const crashed = start('test/main/services/projects-recovery-child.ts', [settings, 'edit'], settings)
  await firstLine(crashed, /^(\{.*\})$/)
  const gone = new Promise((done) => crashed.once('exit', done))
  crashed.kill('SIGKILL')
  await gone

  const server = start('main/serve.ts', ['--port', '0'], settings)
  const { url } = await printedUrl(server)
  await page.goto(url)

  const dialog = page.getByRole('dialog', { name: 'Receptive closed unexpectedly' })
  await expect(dialog).toContainText(/Recover the unsaved project from \d\d:\d\d \(2 layers\)\?/)
  // behind the dialog, the fresh start's LeNet-5
  await expect.poll(() => page.locator('.svelte-flow__node').count()).toBeGreaterThan(3)
  await dialog.getByRole('button', { name: 'Recover' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.svelte-flow__node')).toHaveCount(3)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled')

  // answered: a reload does not ask again
  await page.reload()
  await expect(page.locator('.svelte-flow__node')).toHaveCount(3)
  await expect(dialog).toBeHidden()
})
