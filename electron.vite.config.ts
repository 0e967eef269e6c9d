// electron-vite builds the desktop app from our root-level folders (its defaults are src/*): main as
// ESM, the preload as one CommonJS file with its dependencies inside (a sandboxed preload can
// require nothing but electron), and the renderer with renderer/vite.config.ts.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import renderer from './renderer/vite.config.ts'

const r = (p: string) => resolve(import.meta.dirname, p)

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
      rollupOptions: { input: { index: r('preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...renderer,
    root: r('renderer'), // set here: inside the bundled config, renderer's import.meta.dirname is wrong
    build: {
      ...renderer.build,
      outDir: r('out/renderer'),
      rolldownOptions: { ...renderer.build?.rolldownOptions, input: { index: r('renderer/index.html') } },
    },
  },
})
