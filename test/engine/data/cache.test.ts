// The decoded-data cache: the second open of an image folder is served from the cache file (shown
// by damaging a source in a way only a real re-import would notice), any change to a file or folder
// invalidates it, a damaged cache entry is a miss, and a cancelled import writes nothing.
import { copyFileSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportAborted } from '../../../engine/data/errors.ts'
import { importDataset } from '../../../engine/data/import.ts'
import { fixture, readAll, scratch } from './fixture-files.ts'

function imageFolder(): string {
  const root = scratch()
  for (const c of ['a', 'b']) mkdirSync(join(root, 'data', c), { recursive: true })
  copyFileSync(fixture('images/grey.png'), join(root, 'data/a/1.png'))
  copyFileSync(fixture('images/grey16.png'), join(root, 'data/b/1.png'))
  return root
}

// whole seconds, which survive a utimes round trip exactly
const STAMP = new Date('2026-01-02T03:04:05Z')

/** overwrites a file with garbage of the same length, keeping the modification time set beforehand */
function damageKeepingStamp(file: string): void {
  writeFileSync(file, Buffer.alloc(statSync(file).size, 0x20))
  utimesSync(file, STAMP, STAMP)
}

const FROM_CACHE = 'read from the decoded-data cache'

describe('decoded-data cache', () => {
  it('serves the second open from the cache file', async () => {
    const root = imageFolder()
    const ctx = { cacheDir: join(root, 'cache') }
    const data = join(root, 'data')
    utimesSync(join(data, 'a/1.png'), STAMP, STAMP)
    const first = await importDataset(data, {}, ctx)
    expect(first.notes).not.toContain(FROM_CACHE)
    expect(readdirSync(ctx.cacheDir)).toHaveLength(1)
    // a real re-import would now skip this file as "not a PNG or JPEG"; the cache still has its pixels
    damageKeepingStamp(join(data, 'a/1.png'))
    const second = await importDataset(data, {}, ctx)
    expect(second.notes).toContain(FROM_CACHE)
    expect(second.bad).toEqual([])
    expect(readAll(second.train)).toEqual(readAll(first.train))
    expect(second.train.classes).toEqual(first.train.classes)
    expect(second.train.inputShape).toEqual(first.train.inputShape)
    // other options are another entry
    const colour = await importDataset(data, { channels: 3 }, ctx)
    expect(colour.notes).not.toContain(FROM_CACHE)
    expect(readdirSync(ctx.cacheDir)).toHaveLength(2)
  })

  it('is invalid once a file changes or a folder gains a file', async () => {
    const root = imageFolder()
    const ctx = { cacheDir: join(root, 'cache') }
    const data = join(root, 'data')
    await importDataset(data, {}, ctx)
    utimesSync(join(data, 'a/1.png'), new Date(), new Date(Date.now() + 5000))
    expect((await importDataset(data, {}, ctx)).notes).not.toContain(FROM_CACHE)
    expect((await importDataset(data, {}, ctx)).notes).toContain(FROM_CACHE)
    copyFileSync(fixture('images/grey.png'), join(data, 'b/2.png'))
    utimesSync(join(data, 'b'), new Date(), new Date(Date.now() + 10000))
    const grown = await importDataset(data, {}, ctx)
    expect(grown.notes).not.toContain(FROM_CACHE)
    expect(grown.train.length).toBe(3)
  })

  it('treats a damaged cache entry as a miss and rewrites it', async () => {
    const root = imageFolder()
    const ctx = { cacheDir: join(root, 'cache') }
    const data = join(root, 'data')
    const first = await importDataset(data, {}, ctx)
    const entry = join(ctx.cacheDir, readdirSync(ctx.cacheDir)[0])
    writeFileSync(entry, 'RCPTVDC1garbage')
    const again = await importDataset(data, {}, ctx)
    expect(again.notes).not.toContain(FROM_CACHE)
    expect(readAll(again.train)).toEqual(readAll(first.train))
    expect((await importDataset(data, {}, ctx)).notes).toContain(FROM_CACHE)
  })

  it('keeps both splits, the bad-file list and the notes', async () => {
    const root = scratch()
    for (const d of ['train/a', 'train/b', 'test/b']) mkdirSync(join(root, 'data', d), { recursive: true })
    copyFileSync(fixture('images/rgb.png'), join(root, 'data/train/a/1.png'))
    copyFileSync(fixture('images/rgba.png'), join(root, 'data/train/b/1.png'))
    copyFileSync(fixture('images/grey.png'), join(root, 'data/test/b/1.png'))
    writeFileSync(join(root, 'data/test/b/x.txt'), 'text')
    const ctx = { cacheDir: join(root, 'cache') }
    const first = await importDataset(join(root, 'data'), {}, ctx)
    const second = await importDataset(join(root, 'data'), {}, ctx)
    expect(second.notes).toEqual([...first.notes, FROM_CACHE])
    expect(second.bad).toEqual(first.bad)
    expect(second.bad).toHaveLength(1)
    expect(readAll(second.train)).toEqual(readAll(first.train))
    expect(readAll(second.test!)).toEqual(readAll(first.test!))
    expect([second.train.name, second.test!.name]).toEqual(['data (train)', 'data (test)'])
  })

  it('writes nothing when the import is cancelled', async () => {
    const root = imageFolder()
    const ctx = { cacheDir: join(root, 'cache'), signal: AbortSignal.abort() }
    await expect(importDataset(join(root, 'data'), {}, ctx)).rejects.toThrow(ImportAborted)
    expect(() => readdirSync(ctx.cacheDir)).toThrow(/ENOENT/)
  })
})
