// Rules a grep can hold (RELIABILITY.md A2–A9, A11, A14, A20, B4): no <webview>, no switch that weakens
// a window, the preload exposes one wrapped API and never ipcRenderer itself, ipcRenderer stays in the
// preload, shell.openExternal is reached only through the allowlist, security warnings stay on.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')

/** the app's own source files under `dirs` (.ts, .svelte, .html), as [path from the root, text] */
function sources(...dirs: string[]): [string, string][] {
  const out: [string, string][] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p) } else if (/\.(ts|svelte|html)$/.test(e.name)) {
        out.push([relative(root, p), readFileSync(p, 'utf8')])
      }
    }
  }
  for (const d of dirs) walk(join(root, d))
  return out
}

const app = sources('main', 'preload', 'renderer', 'engine')
const where = (re: RegExp, files = app) => files.filter(([, text]) => re.test(text)).map(([p]) => p)

describe('source rules', () => {
  it('the sources are found', () => {
    expect(app.length).toBeGreaterThan(100)
  })

  it('no <webview> in the renderer', () => {
    expect(where(/<webview/i, sources('renderer'))).toEqual([])
  })

  it('no switch that weakens a window, and no code from strings', () => {
    const weak = /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|enableBlinkFeatures|webviewTag\s*:\s*true/
    expect(where(weak)).toEqual([])
    // 'wasm-unsafe-eval' (WebAssembly compilation only) is not matched; method calls named eval are not either
    expect(where(/'unsafe-eval'|new Function\s*\(|(?<![.\w])eval\s*\(/)).toEqual([])
  })

  it('keeps Electron security warnings on', () => {
    expect(where(/ELECTRON_DISABLE_SECURITY_WARNINGS/)).toEqual([])
  })

  it('the preload exposes one API, wrapped, and ipcRenderer never leaves the preload', () => {
    expect(where(/exposeInMainWorld/)).toEqual(['preload/index.ts'])
    const preload = readFileSync(join(root, 'preload/index.ts'), 'utf8')
    expect(preload).toMatch(/exposeInMainWorld\('receptive', createBridge\(ipcRenderer\)\)/)
    expect(where(/\bipcRenderer\b/).filter((p) => !p.startsWith('preload/'))).toEqual([])
  })

  it('shell.openExternal is reached only through the external-link allowlist', () => {
    expect(where(/openExternal/).sort()).toEqual(['main/electron/external-links.ts', 'main/electron/guards.ts', 'main/index.ts'])
    const index = readFileSync(join(root, 'main/index.ts'), 'utf8')
    expect(index.match(/shell\.openExternal\(/g)).toHaveLength(1)
    expect(index).toMatch(/guardContents\(contents, origins, \(url\) => shell\.openExternal\(url\)\)/)
  })
})
