// `npm start`: builds and opens the desktop app through electron-vite. Without Electron's binary
// it says so in one sentence and points to browser mode, instead of a stack trace.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { electronBinary, missingBinary } from './electron.mjs'

if (!electronBinary()) {
  console.error(missingBinary)
  process.exit(1)
}
const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js')
const run = spawnSync(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
