// electron-vite builds the desktop app from our root-level folders (its defaults are src/*): main as
// ESM, the preloads as CommonJS files with their dependencies inside (a sandboxed preload can
// require nothing but electron), and the renderer with renderer/vite.config.ts, plus the hidden WebGPU
// window host's page (engine/host/window-host.html running window-entry.ts) beside it on app://.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import renderer from './renderer/vite.config.ts'

const r = (p: string) => resolve(import.meta.dirname, p)

/** the window host's page, emitted as-is with its script pointing at the built entry (an HTML input outside
 *  the renderer's root would be named with '..', which the bundler refuses) */
const windowHostPage = (): Plugin => ({
  name: 'receptive-window-host-page',
  generateBundle() {
    const html = readFileSync(r('engine/host/window-host.html'), 'utf8')
    if (!html.includes('./window-entry.ts')) throw new Error('engine/host/window-host.html no longer loads ./window-entry.ts')
    this.emitFile({ type: 'asset', fileName: 'engine-host.html', source: html.replace('./window-entry.ts', './engine-host.js') })
  },
})

export default defineConfig({
  main: {
    build: {
      outDir: r('out/main'),
      rollupOptions: {
        input: {
          index: r('main/index.ts'),
          // the one engine host entry (training, inspection, evaluation, dataset jobs, `--job=KIND`) runs in
          // utility processes that main forks (main/services/runs/utility-host.ts); its CPU backend starts
          // gemm workers from a file beside it (engine/backend/cpu/thread-pool.ts)
          'engine-host': r('engine/host/node-entry.ts'),
          'gemm-worker': r('engine/backend/cpu/gemm-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: r('out/preload'),
      externalizeDeps: false,
      // engine-host: the hidden window host's preload, which only hands main's MessagePort to the page
      rollupOptions: { input: { index: r('preload/index.ts'), 'engine-host': r('preload/engine-host.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...renderer,
    root: r('renderer'), // set here: inside the bundled config, renderer's import.meta.dirname is wrong
    plugins: [...(renderer.plugins ?? []), windowHostPage()],
    build: {
      ...renderer.build,
      outDir: r('out/renderer'),
      rolldownOptions: {
        ...renderer.build?.rolldownOptions,
        input: { index: r('renderer/index.html'), 'engine-host': r('engine/host/window-entry.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'engine-host' ? 'engine-host.js' : 'assets/[name]-[hash].js') },
      },
    },
  },
})
