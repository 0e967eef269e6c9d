// better-sqlite3's addon for the runtime we are in. Node uses the package's own build; Electron
// (another ABI) uses the copy that scripts/postinstall.mjs builds into better-sqlite3/build-electron/.
// Pass the result as the `nativeBinding` option of `new Database(path, options)`.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** the addon path to use, or undefined for better-sqlite3's default (the Node build) */
export function sqliteNativeBinding(
  versions: Partial<NodeJS.ProcessVersions> = process.versions,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined
  const addon = join(dirname(require.resolve('better-sqlite3/package.json')), 'build-electron', 'better_sqlite3.node')
  if (!exists(addon)) {
    throw new Error(`better-sqlite3 has no build for Electron ${versions.electron} (${addon}); run \`npm install\` again with network access`)
  }
  return addon
}
