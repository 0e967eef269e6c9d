// Bundle files are served by name; every way of naming a file outside the bundle is refused.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundlePath, contentType, readBundleFile } from '../../main/bundle.ts'

let dir: string
let root: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'receptive-bundle-'))
  root = join(dir, 'bundle')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(dir, 'secret.txt'), 'secret')
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readBundleFile', () => {
  it('serves index.html for the root and files by path, with their type', async () => {
    expect((await readBundleFile(root, '/'))?.body.toString()).toBe('<!doctype html>')
    const js = await readBundleFile(root, '/assets/app.js')
    expect(js?.type).toBe('text/javascript; charset=utf-8')
    expect(js?.body.toString()).toBe('export {}')
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/assets/%2E%2E/%2E%2E/secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect(bundlePath(root, path)).toBeNull()
    expect(await readBundleFile(root, path)).toBeNull()
  })

  it('refuses a symlink that points outside the bundle', async () => {
    expect(bundlePath(root, '/link.txt')).not.toBeNull() // the name alone looks harmless
    expect(await readBundleFile(root, '/link.txt')).toBeNull()
  })

  it('keeps absolute-looking paths inside the bundle', async () => {
    expect(bundlePath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'))
    expect(await readBundleFile(root, '//etc/passwd')).toBeNull()
  })

  it('answers null for missing files and folders', async () => {
    expect(await readBundleFile(root, '/nope.js')).toBeNull()
    expect(await readBundleFile(root, '/assets')).toBeNull()
  })
})

describe('contentType', () => {
  it('knows the bundle types and falls back to octet-stream', () => {
    expect(contentType('a.css')).toBe('text/css; charset=utf-8')
    expect(contentType('A.WASM')).toBe('application/wasm')
    expect(contentType('a.exe')).toBe('application/octet-stream')
  })
})
