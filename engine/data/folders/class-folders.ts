// Finds the classes and files of a class-per-subfolder dataset: root/<class>/… or, with split
// folders, root/train/<class>/… and root/test/<class>/…. Hidden and system files are skipped,
// symlinks are followed only when they stay inside the root, and folder loops are cut (RELIABILITY G8).

import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { join, relative, isAbsolute } from 'node:path'
import type { BadFile } from '../errors.ts'

export interface ClassFiles { readonly name: string; readonly dir: string; readonly files: string[] }
export interface SplitFolder { readonly role: 'train' | 'test'; readonly dir: string; readonly classes: ClassFiles[] }

export interface FolderLayout {
  readonly splits: SplitFolder[]
  /** every folder visited: the cache is invalid when one of them gains or loses a file */
  readonly dirs: string[]
  /** symlinks leaving the root, unreadable folders */
  readonly bad: BadFile[]
}

const SYSTEM = new Set(['thumbs.db', 'desktop.ini', 'icon\r'])
const MAX_DEPTH = 8
const MAX_NAME = 100

const skipped = (name: string) => name.startsWith('.') || SYSTEM.has(name.toLowerCase())

/** class name from a folder name: Unicode NFC, at most 100 characters */
export const className = (folder: string): string => folder.normalize('NFC').slice(0, MAX_NAME)

export async function scanClassFolders(root: string): Promise<FolderLayout> {
  const rootReal = await realpath(root)
  const dirs: string[] = [root]
  const bad: BadFile[] = []
  const seen = new Set<string>([rootReal])
  const inside = (real: string) => { const r = relative(rootReal, real); return !r.startsWith('..') && !isAbsolute(r) }

  /** the kind of an entry after following a symlink that stays inside the root */
  async function kindOf(p: string): Promise<'file' | 'dir' | undefined> {
    const l = await lstat(p)
    if (!l.isSymbolicLink()) return l.isDirectory() ? 'dir' : l.isFile() ? 'file' : undefined
    let real: string
    try { real = await realpath(p) } catch { bad.push({ file: p, reason: 'broken symlink' }); return undefined }
    if (!inside(real)) { bad.push({ file: p, reason: 'symlink points outside the dataset folder' }); return undefined }
    const s = await stat(real)
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined
  }

  async function list(dir: string): Promise<string[]> {
    try { return (await readdir(dir)).filter((n) => !skipped(n)).sort() } catch (e) {
      bad.push({ file: dir, reason: `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` })
      return []
    }
  }

  async function filesBelow(dir: string, depth: number, out: string[]): Promise<void> {
    for (const name of await list(dir)) {
      const p = join(dir, name)
      const kind = await kindOf(p)
      if (kind === 'file') out.push(p)
      else if (kind === 'dir' && depth < MAX_DEPTH) {
        const real = await realpath(p)
        if (seen.has(real)) continue // a loop or a second link to the same folder
        seen.add(real)
        dirs.push(p)
        await filesBelow(p, depth + 1, out)
      }
    }
  }

  async function classesOf(dir: string): Promise<ClassFiles[]> {
    const classes: ClassFiles[] = []
    for (const name of await list(dir)) {
      const p = join(dir, name)
      if ((await kindOf(p)) !== 'dir') continue
      const real = await realpath(p)
      if (seen.has(real)) continue
      seen.add(real)
      dirs.push(p)
      const files: string[] = []
      await filesBelow(p, 1, files)
      classes.push({ name: className(name), dir: p, files })
    }
    return classes
  }

  const top = await list(root)
  const isDir = async (n: string) => top.includes(n) && (await kindOf(join(root, n))) === 'dir'
  if (await isDir('train')) {
    const splits: SplitFolder[] = []
    for (const role of ['train', 'test'] as const) {
      if (!(await isDir(role))) continue
      const dir = join(root, role)
      seen.add(await realpath(dir))
      dirs.push(dir)
      splits.push({ role, dir, classes: await classesOf(dir) })
    }
    return { splits, dirs, bad }
  }
  return { splits: [{ role: 'train', dir: root, classes: await classesOf(root) }], dirs, bad }
}
