// The window host's entry must bundle for a page: nothing it loads at start may be a Node module (the
// dataset readers, fs, process.env). The engine's CPU backend reaches worker_threads only through dynamic
// imports behind a Node check, which never run in a page; every other Node import is a failure here.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { PORT_MESSAGE } from '../../../engine/host/port-channel.ts'

describe('window-entry.ts', () => {
  it('bundles for a browser with no static Node import and without the dataset readers', async () => {
    const out = await build({
      entryPoints: [resolve(import.meta.dirname, '../../../engine/host/window-entry.ts')], bundle: true, format: 'esm',
      platform: 'browser', write: false, metafile: true, external: ['webgpu', 'node:*'], logLevel: 'silent',
    })
    const inputs = Object.entries(out.metafile.inputs)
    const staticNode = inputs.flatMap(([file, i]) => i.imports
      .filter((m) => m.path.startsWith('node:') && m.kind !== 'dynamic-import').map((m) => `${file} → ${m.path}`))
    expect(staticNode).toEqual([])
    const files = inputs.map(([file]) => file)
    expect(files).toContain('engine/host/train-job.ts')
    expect(files.filter((f) => f.startsWith('engine/data/formats/') || f === 'engine/data/load.ts' || f === 'engine/host/node-data.ts')).toEqual([])
  })

  it('listens on the channel the window host preload forwards the port on (the preload writes the name out)', () => {
    const preload = readFileSync(resolve(import.meta.dirname, '../../../preload/engine-host.ts'), 'utf8')
    expect(preload).toContain(`const PORT_MESSAGE = '${PORT_MESSAGE}'`)
  })
})
