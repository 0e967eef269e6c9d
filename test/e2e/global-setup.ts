// Starts browser mode once for the whole e2e run: main/serve.ts under tsx, in a scratch folder with its
// own settings folder, so tests never touch the user's recent list or the checkout. The URL it prints
// (token included) reaches the tests as RECEPTIVE_URL; the scratch folder as RECEPTIVE_E2E_DIR.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(import.meta.dirname, '../..')
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json'
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)/

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-e2e-'))
  const tsx = fileURLToPath(import.meta.resolve('tsx'))
  const server = spawn(process.execPath, ['--import', tsx, join(repo, 'main/serve.ts'), '--port', '0'], {
    cwd: dir,
    env: {
      ...process.env,
      RECEPTIVE_SETTINGS_DIR: join(dir, 'settings'),
      // as in test/vitest.config.ts: Dawn in main finds Chromium's SwiftShader where no driver is named
      VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? SWIFTSHADER_ICD,
      XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run serve printed no URL within 120 s:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const m = URL_LINE.exec(output)
      if (!m) return
      clearTimeout(timer)
      done(m[1])
    }
    server.stdout.on('data', read)
    server.stderr.on('data', (c: Buffer) => (output += c.toString()))
    server.once('exit', (code) => (clearTimeout(timer), fail(new Error(`npm run serve exited (${code}) before printing its URL:\n${output}`))))
  })
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
