// better-sqlite3 conventions a grep can hold (RELIABILITY.md F1, F3, E8): SQL runs through prepared
// statements with bound values; db.exec only runs the migrations' fixed SQL; text spliced into SQL or a
// pragma is a named constant, never a value; connections are made by the store's opener alone.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')

function tsFiles(dir: string): [string, string][] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => {
      const p = join(e.parentPath, e.name)
      const code = readFileSync(p, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*)/.test(l)).join('\n') // comments dropped
      return [relative(root, p), code] as [string, string]
    })
}

const store = tsFiles('main/store')
const everything = [...tsFiles('main'), ...tsFiles('engine')]

describe('SQL in the store', () => {
  it('db.exec appears only in migrations', () => {
    const exec = store.filter(([, t]) => /\bdb\.exec\(/.test(t)).map(([p]) => p)
    expect(exec.length).toBeGreaterThan(0)
    for (const p of exec) expect(p).toMatch(/^main\/store\/migrations\/v\d+-[a-z-]+\.ts$/)
  })

  it('splices only UPPER_CASE constants (or a migration\'s own version number) into prepared SQL and pragmas', () => {
    const spliced: string[] = []
    for (const [p, text] of store) {
      for (const m of text.matchAll(/\.(prepare|pragma)\(`([^`]*)`/g)) {
        for (const v of m[2].matchAll(/\$\{([^}]*)\}/g)) spliced.push(`${p}: ${v[1]}`)
      }
    }
    expect(spliced.length).toBeGreaterThan(0)
    for (const s of spliced) expect(s).toMatch(/: ([A-Z][A-Z0-9_]*|step\.to)$/)
  })

  it('opens SQLite connections in the store only (one owner per file)', () => {
    const openers = everything.filter(([, t]) => /new Database\(/.test(t)).map(([p]) => p).sort()
    expect(openers).toEqual(['main/store/open-database.ts', 'main/store/schema-check.ts'])
  })
})
