// `npm test`: every check of the project, one after another (the machines have 2 cores): type checks
// (tsc, svelte-check), lint, unit tests (vitest) and end-to-end tests (Playwright driving browser
// mode in Chromium). Prints each suite's output, then one line per suite and a last line exactly
// "N passed, N failed"; exits non-zero when anything failed. `npm test -- unit e2e` runs some suites.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkOutcome, playwrightOutcome, summary, vitestOutcome, type Outcome } from './test-report.ts'

const root = resolve(import.meta.dirname, '..')
const bin = (tool: string) => join(root, 'node_modules', '.bin', tool)
const reports = mkdtempSync(join(tmpdir(), 'receptive-test-'))

/** runs a tool with its output on ours; resolves to its exit code (null when killed by a signal) */
function run(tool: string, args: string[], env: Record<string, string> = {}): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(bin(tool), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' })
    child.once('error', (err) => (console.error(`${tool}: ${err.message}`), done(-1)))
    child.once('exit', (code) => done(code))
  })
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch {
    return null
  }
}

interface Suite { name: string; key: string; run(): Promise<Outcome> }

const suites: Suite[] = [
  { key: 'typecheck', name: 'typecheck (tsc)', run: async () => checkOutcome(await run('tsc', ['-p', '.', '--noEmit'])) },
  {
    key: 'typecheck', name: 'typecheck (svelte-check)',
    run: async () => checkOutcome(await run('svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'])),
  },
  { key: 'lint', name: 'lint (eslint)', run: async () => checkOutcome(await run('eslint', ['.'])) },
  {
    key: 'unit', name: 'unit (vitest)',
    run: async () => {
      const out = join(reports, 'vitest.json')
      const code = await run('vitest', ['run', '-c', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
      return vitestOutcome(readJson(out), code)
    },
  },
  {
    key: 'e2e', name: 'e2e (playwright)',
    run: async () => {
      const out = join(reports, 'playwright.json')
      const code = await run('playwright', ['test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: out })
      return playwrightOutcome(readJson(out), code)
    },
  },
]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !suites.some((s) => s.key === w))
if (unknown.length > 0) {
  console.error(`npm test: unknown suite ${unknown.join(', ')}; the suites are ${[...new Set(suites.map((s) => s.key))].join(', ')}`)
  process.exit(2)
}

const rows: { name: string; outcome: Outcome; seconds: number }[] = []
for (const suite of suites.filter((s) => wanted.length === 0 || wanted.includes(s.key))) {
  console.log(`\n── ${suite.name} ──`)
  const start = performance.now()
  const outcome = await suite.run().catch((err: unknown): Outcome => ({ passed: 0, failed: 1, note: `crashed: ${String(err)}` }))
  rows.push({ name: suite.name, outcome, seconds: (performance.now() - start) / 1000 })
}
rmSync(reports, { recursive: true, force: true })

console.log(`\n── summary ──\n${summary(rows)}`)
process.exitCode = rows.some((r) => r.outcome.failed > 0) ? 1 : 0
