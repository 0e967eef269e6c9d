// Starts browser mode once for the whole e2e run: main/serve.ts under tsx, in a scratch folder with its
// own settings folder, so tests never touch the user's recent list or the checkout. The URL it prints
// (token included) reaches the tests as RECEPTIVE_URL; the scratch folder as RECEPTIVE_E2E_DIR.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printedUrl, startScript } from './serve-process.ts'

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-e2e-'))
  const server = startScript('main/serve.ts', ['--port', '0'], dir, {
    RECEPTIVE_SETTINGS_DIR: join(dir, 'settings'),
    // as in test/vitest.config.ts: Dawn in main finds Chromium's SwiftShader where no driver is named
    VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? SWIFTSHADER_ICD,
    XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp',
  })
  const { url, output } = await printedUrl(server)
  process.env.RECEPTIVE_URL = url
  process.env.RECEPTIVE_E2E_DIR = dir
  process.env.RECEPTIVE_SERVE_OUTPUT = output
  return async () => {
    const exited = new Promise((done) => server.once('exit', done))
    server.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
}
