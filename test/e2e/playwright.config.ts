// End-to-end tests of browser mode: global-setup.ts starts `npm run serve`'s entry (main/serve.ts)
// exactly as a user would and hands its printed URL to the tests; Playwright drives Debian's Chromium
// headless, with the one flag WebGPU needs (../shared/TOOLCHAIN.md §4).
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  testIgnore: 'electron*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: 'list',
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-webgpu',
      ],
    },
  },
})
