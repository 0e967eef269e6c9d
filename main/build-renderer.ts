// Browser mode serves out/renderer; this builds it with Vite when it is missing or older than any
// renderer source, so `npm run serve` works on a fresh clone and after edits.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path)
  const times = await Promise.all(entries.map((e) => newest(join(path, e))))
  return Math.max(info.mtimeMs, ...times)
}

// what the renderer bundle is made of (the renderer imports engine/graph at run time)
const sources = ['renderer', 'preload', 'engine/graph', 'package.json']

/** true when out/renderer/index.html exists and is newer than every source */
export async function rendererIsFresh(repoRoot: string): Promise<boolean> {
  const built = await stat(join(repoRoot, 'out/renderer/index.html')).catch(() => null)
  if (!built) return false
  const times = await Promise.all(sources.map((s) => newest(join(repoRoot, s))))
  return built.mtimeMs >= Math.max(...times)
}

/** builds the renderer when needed; returns the bundle's folder */
export async function ensureRendererBuilt(repoRoot: string): Promise<string> {
  if (!(await rendererIsFresh(repoRoot))) {
    console.log('Building the renderer…')
    const { build } = await import('vite')
    await build({ configFile: join(repoRoot, 'renderer/vite.config.ts'), logLevel: 'warn' })
  }
  return join(repoRoot, 'out/renderer')
}
