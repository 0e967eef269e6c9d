// The backend conformance suite in Chromium: test/engine/backend's cases, bundled with the engine for a
// page (webgpu-page.ts), run on the CPU and on navigator.gpu (SwiftShader with --enable-unsafe-webgpu), as
// the Electron window host runs the engine. The page is served cross-origin isolated, since the CPU
// backend keeps tensors in SharedArrayBuffers. No adapter fails in CI and is an announced skip elsewhere.
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { build } from 'esbuild'
import type { PageResult } from './webgpu-page.ts'

const ORIGIN = 'http://localhost:9/' // a secure context (WebGPU needs one); every request is answered by the route
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }

interface Api { names(): string[]; adapter(): Promise<string>; run(names: string[]): Promise<PageResult[]> }
declare const conformance: Api

test('WebGPU conformance in Chromium: every case equals the CPU within 1e-4', async ({ page }) => {
  test.setTimeout(240_000)
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'webgpu-page.ts')], bundle: true, format: 'esm', platform: 'browser',
    write: false, external: ['webgpu', 'node:*'], logLevel: 'silent', // dynamic imports of Node-only helpers never run in a page
  })
  await page.route(`${ORIGIN}**`, (route) => route.request().url().endsWith('/page.js')
    ? route.fulfill({ contentType: 'text/javascript', headers: isolated, body: bundle.outputFiles[0].text })
    : route.fulfill({ contentType: 'text/html', headers: isolated, body: '<!doctype html><script type="module" src="/page.js"></script>' }))
  await page.goto(ORIGIN)
  await page.waitForFunction(() => 'conformance' in globalThis)
  expect(await page.evaluate(() => crossOriginIsolated), 'SharedArrayBuffer needs isolation').toBe(true)
  const adapter = await page.evaluate(() => conformance.adapter())
  if (adapter.startsWith('no WebGPU')) {
    if (process.env.CI) throw new Error(`CI has SwiftShader, yet Chromium found no WebGPU adapter: ${adapter}`)
    console.warn(`skipped: no adapter (${adapter})`)
    test.skip(true, `no adapter: ${adapter}`)
  }
  test.info().annotations.push({ type: 'adapter', description: adapter })
  console.log(`webgpu conformance in Chromium: ${adapter}`)
  const names = await page.evaluate(() => conformance.names())
  const results = await page.evaluate((n) => conformance.run(n), names)
  expect(results.map((r) => r.name)).toEqual(names)
  const failures = results.filter((r) => r.error || !(r.worst <= 1e-4)).map((r) => `${r.name}: ${r.error ?? `${r.worst} at ${r.where}`}`)
  expect(failures, `on ${adapter}`).toEqual([])
})
