// After `npm install`: package.json's allowScripts skips Electron's own download so that the install
// cannot fail where GitHub is unreachable. Here we try that download ourselves; with the binary
// present we build better-sqlite3 for Electron's ABI into better-sqlite3/build-electron/, which main
// loads through the `nativeBinding` option (main/native-binding.ts) while Node keeps the usual build.
// Never fails the install: each problem is one line, and the exit code is 0.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { electronBinary, electronPackageDir, electronVersion, missingBinary } from './electron.mjs'

const require = createRequire(import.meta.url)
const say = (line) => console.log(`receptive: ${line}`)

function downloadElectron() {
  const dir = electronPackageDir()
  if (!dir || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return
  // stdio piped: a failed download prints a stack trace we do not want in the install log
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 10 * 60_000 })
}

function buildSqliteForElectron(version) {
  const pkg = dirname(require.resolve('better-sqlite3/package.json'))
  const outDir = join(pkg, 'build-electron')
  const stamp = join(outDir, 'electron-version')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return true
  // build in a copy inside node_modules (npm finds prebuild-install on the ancestors' .bin path)
  const work = join(dirname(pkg), '.cache', 'receptive-electron-sqlite')
  rmSync(work, { recursive: true, force: true })
  cpSync(pkg, work, { recursive: true, filter: (src) => !/^build/.test(relative(pkg, src)) })
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: 'https://electronjs.org/headers',
  }
  const run = spawnSync('npm', ['run', 'install', '--silent'], {
    cwd: work, env, stdio: 'pipe', timeout: 15 * 60_000, shell: process.platform === 'win32',
  })
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (run.status !== 0 || !existsSync(built)) return false
  mkdirSync(outDir, { recursive: true })
  copyFileSync(built, join(outDir, 'better_sqlite3.node'))
  writeFileSync(stamp, version)
  rmSync(work, { recursive: true, force: true })
  return true
}

try {
  if (!electronBinary()) downloadElectron()
  const version = electronVersion()
  if (!electronBinary() || !version) say(missingBinary)
  else if (buildSqliteForElectron(version)) say(`Electron ${version} is installed; better-sqlite3 is built for it.`)
  else say(`could not build better-sqlite3 for Electron ${version}; the desktop app cannot open projects until \`npm rebuild\` succeeds; browser mode works.`)
} catch (err) {
  say(`postinstall skipped: ${err instanceof Error ? err.message : String(err)}`)
}
