// `receptive data` end to end on real files: the printed summary, every bad file with its reason,
// the exit status (0 usable, 2 nothing usable, 64 usage), import stopping at a bad file with nothing
// cached unless --skip-bad, the spec file, and the installed bin script run as a process.
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/cli.ts'
import { fixture } from '../../engine/data/fixture-files.ts'

const root = resolve(import.meta.dirname, '../../..')

let dir: string
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'receptive-cli-')) })
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = []
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: { XDG_CACHE_HOME: join(dir, 'xdg') } })
  return { status, out: out.join('\n'), err: err.join('\n') }
}

/** an image folder with two good classes, a text file and a truncated PNG */
function pictures(): string {
  const pics = join(dir, 'pics')
  for (const c of ['cat', 'dog']) {
    mkdirSync(join(pics, c), { recursive: true })
    copyFileSync(fixture('images/rgb.png'), join(pics, c, '1.png'))
    copyFileSync(fixture('images/rgba.png'), join(pics, c, '2.png'))
  }
  writeFileSync(join(pics, 'cat/notes.txt'), 'not an image')
  writeFileSync(join(pics, 'dog/cut.png'), readFileSync(fixture('images/rgb.png')).subarray(0, 50))
  return pics
}

describe('receptive data', () => {
  it('info prints format, counts, shape, classes with counts, mean/std and each bad file; exit 0', async () => {
    const pics = pictures()
    const r = await run('data', pics)
    expect(r.status).toBe(0)
    expect(r.out).toContain('format   image folder (one subfolder per class) [image-folder]')
    expect(r.out).toContain('samples  train 4')
    expect(r.out).toContain('input    [3, 6, 5] (channels first)')
    expect(r.out).toMatch(/0 cat +train 2/)
    expect(r.out).toMatch(/1 dog +train 2/)
    expect(r.out).toMatch(/mean±std \d\.\d{4} ± \d\.\d{4}, .*, .*\(per channel, train split\)/)
    expect(r.out).toContain('skipped  2 bad files:')
    expect(r.out).toContain(`${join(pics, 'cat/notes.txt')}: is not a PNG or JPEG image`)
    expect(r.out).toMatch(new RegExp(`${join(pics, 'dog/cut.png')}: truncated or corrupt PNG`))
  })

  it('import stops at the first bad file, caches nothing and exits 2 unless --skip-bad', async () => {
    const pics = pictures()
    const cache = join(dir, 'cache')
    const stopped = await run('data', 'import', pics, '--cache', cache)
    expect(stopped.status).toBe(2)
    expect(stopped.err).toContain(`${join(pics, 'cat/notes.txt')}: is not a PNG or JPEG image`)
    expect(stopped.err).toContain('nothing was imported; rerun with --skip-bad')
    expect(existsSync(cache)).toBe(false)

    const spec = join(dir, 'spec.json')
    const done = await run('data', 'import', pics, '--cache', cache, '--skip-bad', '--size', '4x4', '--spec', spec)
    expect(done.status).toBe(0)
    expect(done.out).toContain(`imported 4 train samples, 2 bad files left out; decoded data cached in ${cache}`)
    expect(readdirSync(cache)).toHaveLength(1)
    const written = JSON.parse(readFileSync(spec, 'utf8'))
    expect(written).toMatchObject({
      format: 'receptive.dataset/1', source: { kind: 'path', path: pics, format: 'image-folder' },
      options: { size: [4, 4], onBad: 'skip' }, inputShape: [3, 4, 4], classes: ['cat', 'dog'],
      normalization: { mode: 'standardize' },
    })
    expect(written.normalization.mean).toHaveLength(3)
    // the second import is served by the cache
    expect((await run('data', 'import', pics, '--cache', cache, '--skip-bad', '--size', '4x4')).out).toContain('read from the decoded-data cache')
    // fast formats are read directly
    const idx = await run('data', 'import', fixture('idx/raw'), '--cache', cache)
    expect(idx.out).toContain('imported 5 train + 2 test samples; read directly each time (no cache needed)')
    expect(readdirSync(cache)).toHaveLength(1)
  })

  it('exits 2 naming every file when nothing is usable, and for a path that is not there', async () => {
    mkdirSync(join(dir, 'junk/a'), { recursive: true })
    copyFileSync(fixture('images/grey.png'), join(dir, 'junk/a/x.png'))
    writeFileSync(join(dir, 'junk/a/x.png'), readFileSync(fixture('images/grey.png')).subarray(0, 45))
    const r = await run('data', join(dir, 'junk'))
    expect(r.status).toBe(2)
    expect(r.err).toContain(`${join(dir, 'junk')}: no usable images found (1 file skipped, 1 class folder left empty)`)
    expect(r.err).toMatch(/junk\/a\/x\.png: truncated or corrupt PNG/)
    const missing = await run('data', join(dir, 'nope'))
    expect(missing.status).toBe(2)
    expect(missing.err).toContain(`${join(dir, 'nope')}: no such file or folder, and no built-in dataset of that name`)
  })

  it('reads built-ins by id, lists them, prints JSON on request, and exits 64 on bad usage', async () => {
    const shapes = await run('data', 'info', 'waveforms')
    expect(shapes.status).toBe(0)
    expect(shapes.out).toContain('format   built-in (Waveforms (1D))')
    expect(shapes.out).toContain('input    [1, 128]')
    expect((await run('data', 'list')).out).toMatch(/^digits +available +\[1, 28, 28\], 10 classes/m)
    const json = JSON.parse((await run('data', fixture('npz-hwc.npz'), '--json')).out)
    expect(json.summary.inputShape).toEqual([3, 5, 2])
    expect(json.spec.classes).toEqual(['0', '1'])
    const usage = await run('data', fixture('cifar10'), '--size', 'big')
    expect(usage.status).toBe(64)
    expect(usage.err).toContain('--size needs HEIGHTxWIDTH')
    expect((await run('frobnicate')).status).toBe(64)
  })

  it('runs as the installed bin script with the same exit statuses', async () => {
    const bin = join(root, 'bin/receptive.mjs')
    const ok = await promisify(execFile)(process.execPath, [bin, 'data', fixture('idx/gz')])
    expect(ok.stdout).toContain('format   IDX (MNIST layout) [idx]')
    const failed = await promisify(execFile)(process.execPath, [bin, 'data', join(dir, 'nope')]).catch((e: { code: number; stderr: string }) => e)
    expect((failed as { code: number }).code).toBe(2)
  })
})
