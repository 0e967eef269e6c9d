// `npm run test:electron`: the desktop smoke test, for machines where Electron's binary is installed
// (`npm run build` first, which the npm script does). Browser-mode tests live in playwright.config.ts.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: 'electron*.spec.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: 'list',
  outputDir: '../../test-results/electron',
})
