// Where Electron's binary is, if it is installed at all. Shared by `npm start` and postinstall,
// which must run with plain Node (no tsx, no build). Reads what the electron package writes
// (path.txt + dist/) without require('electron'), which would try to download it.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** the electron package's folder, or null when it is not installed */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** the Electron executable, or null when its binary was never downloaded */
export function electronBinary() {
  const override = process.env.ELECTRON_EXEC_PATH
  if (override) return existsSync(override) ? override : null
  const dir = electronPackageDir()
  if (!dir || !existsSync(join(dir, 'path.txt'))) return null
  const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8'))
  return existsSync(bin) ? bin : null
}

/** the Electron version the installed package downloads */
export function electronVersion() {
  const dir = electronPackageDir()
  return dir ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : null
}

/** one sentence for machines without the binary */
export const missingBinary =
  "Electron's desktop binary is not installed on this machine (its download was skipped or failed); browser mode works: run `npm run serve`."
