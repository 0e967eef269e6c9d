// Browser mode shows the app shell: top bar with the project's name, palette, canvas, properties and
// a status bar naming the version and the compute backends; colours follow the system theme.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { SWIFTSHADER_ICD } from './global-setup.ts'
import { exchange } from './socket-frames.ts'
import { serveUrl } from './serve-env.ts'

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
// where Dawn can find SwiftShader (our CI machines), main must report a WebGPU adapter
const swiftshader = existsSync(process.env.VK_ICD_FILENAMES ?? SWIFTSHADER_ICD) && existsSync('/usr/lib/x86_64-linux-gnu/libvulkan.so.1')

test('npm run serve prints one URL, with a token, on 127.0.0.1', () => {
  const urls = (process.env.RECEPTIVE_SERVE_OUTPUT ?? '').match(/https?:\/\/\S+/g) ?? []
  expect(urls).toHaveLength(1)
  expect(serveUrl().hostname).toBe('127.0.0.1')
  expect(serveUrl().pathname).toMatch(/^\/[A-Za-z0-9_-]{32,}\/$/)
})

test('the shell renders with the project name, panels and a status bar', async ({ page }, testInfo) => {
  // other specs share this server and may have opened another project: ask main which one is open
  const [current] = (await exchange(page, [JSON.stringify({ id: 1, call: 'project.current' })])) as { result: { name: string } }[]
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(serveUrl().href)

  await expect(page.getByRole('banner')).toContainText('Receptive')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(current.result.name)
  await expect(page.getByRole('complementary', { name: 'Layer palette' })).toBeVisible()
  await expect(page.getByRole('main', { name: 'Canvas' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Properties' })).toBeVisible()
  const status = page.getByRole('contentinfo', { name: 'Status bar' })
  await expect(status).toContainText(`Receptive ${version}`)
  await expect(status).toContainText('CPU')
  if (swiftshader) await expect(status).toContainText(/WebGPU \(.+\)/)

  await page.screenshot({ path: testInfo.outputPath('shell.png') })
  expect(errors).toEqual([])
  // nothing remote, nothing outside the token's folder (data: URLs never reach the network)
  expect(requests.filter((u) => !u.startsWith(serveUrl().href) && !u.startsWith('data:'))).toEqual([])
})

test('light and dark themes follow the system setting', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(serveUrl().href)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\S/)
  const light = await background()
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await background()
  expect(light).not.toBe(dark)
  const luminance = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((s, v) => s + Number(v), 0)
  expect(luminance(dark)).toBeLessThan(luminance(light))
})
