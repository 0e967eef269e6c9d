// One vitest config, two projects: `node` for engine/main tests, `dom` for Svelte components (jsdom).
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  test: {
    pool: 'forks', // Dawn reads VK_ICD_FILENAMES from the C environment, which threads would not see
    projects: [
      {
        plugins: [svelte({ configFile: false }), svelteTesting()],
        test: { name: 'dom', root, include: ['test/**/*.dom.test.ts'], environment: 'jsdom', setupFiles: ['test/setup-dom.ts'] },
      },
      {
        test: {
          name: 'node', root, include: ['test/**/*.test.ts'], exclude: ['test/**/*.dom.test.ts', 'test/e2e/**'],
          environment: 'node', testTimeout: 60_000, hookTimeout: 60_000,
          env: {
            VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json',
            XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp',
          },
        },
      },
    ],
  },
})
