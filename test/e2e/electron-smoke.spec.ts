// The desktop app starts: Electron loads the built bundle from app://, the window shows the shell, and
// its status bar names this version. Needs Electron's binary (npm run test:electron).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronBinary, missingBinary } from '../../scripts/electron.mjs'

const repo = resolve(import.meta.dirname, '../..')
const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }

test('the window opens from app:// and shows the version in the status bar', async ({}, testInfo) => {
  // the binary from scripts/electron.mjs: require('electron') would try to download it here
  const executablePath = electronBinary()
  if (!executablePath) throw new Error(missingBinary)
  const settings = mkdtempSync(join(tmpdir(), 'receptive-electron-'))
  // Chromium refuses to run as root with its sandbox on (CI containers)
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repo]
  const app = await electron.launch({ executablePath, args, env: { ...process.env, RECEPTIVE_SETTINGS_DIR: settings } })
  try {
    const win = await app.firstWindow()
    expect(new URL(win.url()).protocol).toBe('app:')
    await expect(win.getByRole('contentinfo', { name: 'Status bar' })).toContainText(`Receptive ${version}`)
    await expect(win.getByRole('heading', { level: 1 })).toHaveText('Untitled')
    // no Node in the page (nodeIntegration off, contextIsolation on), and only the contract's API
    expect(await win.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process]))
      .toEqual(['undefined', 'undefined'])
    expect(await win.evaluate(() => Object.keys((window as { receptive?: object }).receptive ?? {}).sort())).toEqual(['invoke', 'on'])
    await win.screenshot({ path: testInfo.outputPath('electron.png') })
  } finally {
    await app.close()
    rmSync(settings, { recursive: true, force: true })
  }
})
