// The two-pass folder import shared by image and WAV folders: progress for a progress bar (scan,
// read, decode up to their totals), cancellation mid-decode returning nothing, hidden and system
// files ignored, and symlinks that leave the dataset folder refused (RELIABILITY G8).
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportAborted } from '../../../engine/data/errors.ts'
import type { ImportProgress } from '../../../engine/data/format.ts'
import { importDataset } from '../../../engine/data/import.ts'
import { fixture, scratch } from './fixture-files.ts'

function folder(count: number): string {
  const root = scratch()
  for (let i = 0; i < count; i++) {
    mkdirSync(join(root, 'data', `c${i % 2}`), { recursive: true })
    copyFileSync(fixture('images/grey.png'), join(root, 'data', `c${i % 2}`, `${i}.png`))
  }
  return join(root, 'data')
}

describe('folder import', () => {
  it('reports scan, read and decode progress up to their totals', async () => {
    const events: ImportProgress[] = []
    await importDataset(folder(10), {}, { onProgress: (p) => events.push(p) })
    const last = (phase: ImportProgress['phase']) => events.filter((e) => e.phase === phase).at(-1)
    expect(last('scan')).toEqual({ phase: 'scan', done: 10, total: 10, unit: 'files' })
    expect(last('read')).toEqual({ phase: 'read', done: 10, total: 10, unit: 'files' })
    expect(last('decode')).toEqual({ phase: 'decode', done: 10, total: 10, unit: 'files' })
    const decode = events.filter((e) => e.phase === 'decode').map((e) => e.done)
    expect(decode).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('stops when cancelled during decoding and returns nothing', async () => {
    const stop = new AbortController()
    const onProgress = (p: ImportProgress) => { if (p.phase === 'decode' && p.done === 3) stop.abort() }
    await expect(importDataset(folder(10), {}, { onProgress, signal: stop.signal })).rejects.toThrow(ImportAborted)
  })

  it('ignores hidden and system files, and refuses symlinks that leave the folder', async () => {
    const data = folder(2)
    writeFileSync(join(data, 'c0/.DS_Store'), 'junk')
    writeFileSync(join(data, 'c0/Thumbs.db'), 'junk')
    mkdirSync(join(data, '.git'))
    const outside = join(data, '..', 'outside.png')
    copyFileSync(fixture('images/grey.png'), outside)
    symlinkSync(outside, join(data, 'c1/link.png'))
    symlinkSync(join(data, 'c0/0.png'), join(data, 'c1/inside.png'))
    const imp = await importDataset(data)
    expect(imp.train.classes).toEqual(['c0', 'c1'])
    expect(imp.train.length).toBe(3)
    expect(imp.bad).toEqual([{ file: join(data, 'c1/link.png'), reason: 'symlink points outside the dataset folder' }])
  })
})
