// Gathers what the format plugins look at to recognise a path: kind, size, first bytes,
// folder entries, and (lazily) the first bytes of a few files inside a folder's subfolders.

import { lstat, open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DataError } from './errors.ts'
import type { Probe } from './format.ts'

const HEAD = 4096

async function readHead(file: string, n = HEAD): Promise<Uint8Array> {
  const h = await open(file, 'r')
  try {
    const b = new Uint8Array(n)
    const { bytesRead } = await h.read(b, 0, n, 0)
    return b.subarray(0, bytesRead)
  } finally {
    await h.close()
  }
}

const visible = (name: string) => !name.startsWith('.')

/** first bytes of up to n files below `dir`, breadth first, at most `depth` folders down; symlinks are not followed */
async function headsBelow(dir: string, n: number, depth: number): Promise<Uint8Array[]> {
  const heads: Uint8Array[] = []
  let level = [dir]
  for (let d = 0; d <= depth && heads.length < n && level.length; d++) {
    const next: string[] = []
    for (const folder of level) {
      let names: string[]
      try { names = (await readdir(folder)).filter(visible).sort() } catch { continue }
      for (const name of names) {
        if (heads.length >= n) break
        const p = join(folder, name)
        const s = await lstat(p)
        if (s.isDirectory()) next.push(p)
        else if (s.isFile() && d > 0) heads.push(await readHead(p, 64))
      }
    }
    level = next
  }
  return heads
}

export async function probePath(path: string): Promise<Probe> {
  let s
  try { s = await stat(path) } catch { throw new DataError(path, 'does not exist or cannot be read') }
  if (s.isDirectory()) {
    const entries = (await readdir(path)).filter(visible).sort()
    return { path, kind: 'dir', size: 0, head: new Uint8Array(0), entries, sampleHeads: (n) => headsBelow(path, n, 3) }
  }
  if (!s.isFile()) throw new DataError(path, 'is neither a file nor a folder')
  const head = await readHead(path)
  return { path, kind: 'file', size: s.size, head, entries: [], sampleHeads: async () => [] }
}
