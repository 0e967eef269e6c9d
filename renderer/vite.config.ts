// Vite config of the renderer alone: browser mode builds with it (`npm run build:renderer`, and
// `npm run serve` when out/renderer is stale); electron.vite.config.ts reuses it for the desktop build.
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const here = import.meta.dirname

export default defineConfig({
  root: here,
  base: './', // relative URLs: the bundle lives under app://receptive/ and under /<token>/ in browser mode
  plugins: [
    svelte({
      configFile: false,
      // our components are runes-only; libraries keep their own mode
      dynamicCompileOptions: ({ filename }) => (filename.includes('node_modules') ? undefined : { runes: true }),
    }),
  ],
  build: {
    outDir: resolve(here, '../out/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0, // no data: URLs for fonts or scripts; the CSP allows only 'self'
    target: 'es2022',
    // a slow plugin on a busy machine is no news, and the warning would add a second URL to serve's output
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
})
