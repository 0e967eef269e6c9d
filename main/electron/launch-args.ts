// The project file a launch names (RELIABILITY.md C6/C7): Windows and Linux pass it on the command line,
// both to the first instance and, through 'second-instance', to the running one. The list can carry the
// executable, the app folder in development, and switches Chromium adds; `--` ends the switches.
import { isAbsolute, resolve } from 'node:path'
import { PROJECT_EXTENSION } from '../store/index.ts'

/**
 * The last argument after the first `skip` (the executable, plus the app folder when not packaged) that
 * names a project file, resolved against `cwd` (the launching shell's folder); null when there is none.
 */
export function projectArgument(argv: readonly string[], cwd: string, skip: number): string | null {
  let found: string | null = null
  let switches = true
  for (const arg of argv.slice(skip)) {
    if (switches && arg === '--') { switches = false; continue }
    if (switches && arg.startsWith('-')) continue
    if (arg.toLowerCase().endsWith(PROJECT_EXTENSION) && arg.length > PROJECT_EXTENSION.length) found = arg
  }
  if (found === null) return null
  return isAbsolute(found) ? found : resolve(cwd, found)
}
