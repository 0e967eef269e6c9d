// The recent-projects list (RELIABILITY.md C2) on real files: newest first, no duplicates (also through
// relative paths), capped, files that went are dropped (and the list rewritten), a damaged or foreign
// list reads as empty, and writes leave no temporary file behind.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RECENT_FILE } from '../../../main/store/recent-projects.ts'
import { RecentProjects } from '../../../main/store/index.ts'
import { tempDir } from './files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** n project-looking files in the temp folder (the list only checks that they exist) */
function files(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const p = join(dir, `p${i}.receptive`)
    writeFileSync(p, '')
    return p
  })
}

describe('RecentProjects', () => {
  it('lists newest first and moves a reopened project to the top without duplicating it', () => {
    const [a, b, c] = files(3)
    const recent = new RecentProjects(join(dir, 'settings'))
    recent.add(a)
    recent.add(b)
    recent.add(c)
    expect(recent.add(join(dir, 'x', '..', 'p0.receptive'))).toEqual([a, c, b])
    expect(new RecentProjects(join(dir, 'settings')).list()).toEqual([a, c, b])
  })

  it('keeps at most its cap', () => {
    const paths = files(5)
    const recent = new RecentProjects(join(dir, 'settings'), 3)
    for (const p of paths) recent.add(p)
    expect(recent.list()).toEqual([paths[4], paths[3], paths[2]])
  })

  it('drops files that have gone, and rewrites the list without them', () => {
    const [a, b] = files(2)
    const settings = join(dir, 'settings')
    const recent = new RecentProjects(settings)
    recent.add(a)
    recent.add(b)
    rmSync(a)
    expect(recent.list()).toEqual([b])
    expect(JSON.parse(readFileSync(join(settings, RECENT_FILE), 'utf8')).paths).toEqual([b])
  })

  it('removes one entry, clears all, and leaves only its own file in the settings folder', () => {
    const [a, b] = files(2)
    const settings = join(dir, 'settings')
    const recent = new RecentProjects(settings)
    recent.add(a)
    recent.add(b)
    expect(recent.remove(b)).toEqual([a])
    recent.clear()
    expect(recent.list()).toEqual([])
    expect(readdirSync(settings)).toEqual([RECENT_FILE])
  })

  it.each([
    ['not JSON', '{"format":"receptive.recent/1","paths":["'],
    ['another format', JSON.stringify({ format: 'other/1', paths: [] })],
    ['paths that are not a list', JSON.stringify({ format: 'receptive.recent/1', paths: 'x' })],
  ])('reads a list holding %s as empty, and can write over it', (_what, text) => {
    const settings = join(dir, 'settings')
    const [a] = files(1)
    const recent = new RecentProjects(settings)
    recent.add(a) // makes the folder
    writeFileSync(join(settings, RECENT_FILE), text)
    expect(recent.list()).toEqual([])
    expect(recent.add(a)).toEqual([a])
  })

  it('ignores entries that are not usable paths', () => {
    const [a] = files(1)
    const settings = join(dir, 'settings')
    new RecentProjects(settings).add(a)
    writeFileSync(join(settings, RECENT_FILE), JSON.stringify({ format: 'receptive.recent/1', paths: [a, 3, '', null, 'x'.repeat(5000), a] }))
    expect(new RecentProjects(settings).list()).toEqual([a])
  })
})
