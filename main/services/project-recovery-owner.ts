// Which process holds an untitled project file: its name carries the creating process's id and the time it
// was made. The owner is gone when the machine started after the file was made (power loss) or no process
// has that id (kill -9, crash); a pid reused by another program within one boot only delays the offer.
import { renameSync } from 'node:fs'
import { uptime } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { PROJECT_EXTENSION } from '../store/index.ts'

const NAME = /^untitled-(\d+)-(\d+)-\d+\.receptive$/
const BOOT_SLACK_MS = 2000 // os.uptime() may be whole seconds
const held = new Set<string>() // the untitled files this process holds open
let made = 0

/** a new untitled file in `dir` that this process holds from now on */
export function newUntitledPath(dir: string): string {
  const path = join(dir, `untitled-${process.pid}-${Date.now()}-${++made}${PROJECT_EXTENSION}`)
  held.add(path)
  return path
}

/** this process no longer holds `path` (it was closed and deleted) */
export function letGo(path: string): void { held.delete(path) }

export const isUntitledName = (file: string): boolean => NAME.test(file)

/** whether a live Receptive may still hold `path` */
export function ownerAlive(path: string): boolean {
  const [, pid, made] = NAME.exec(basename(path)) ?? []
  if (!pid) return false
  if (Number(pid) === process.pid) return held.has(path)
  if (Number(made) < Date.now() - uptime() * 1000 - BOOT_SLACK_MS) return false // made before this boot
  try {
    process.kill(Number(pid), 0) // signal 0 only asks whether the process exists
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' // exists, but belongs to another user
  }
}

/**
 * Makes a leftover this process's own by renaming it to a new untitled name: a rename is atomic, so of two
 * processes taking the same file one wins and the other is told it is gone. Returns the new path.
 */
export function takeOver(path: string): string {
  const mine = newUntitledPath(dirname(path))
  try {
    renameSync(path, mine)
  } catch (err) {
    letGo(mine)
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('this unsaved project was recovered or discarded already')
    throw err
  }
  return mine
}
