// Turning each suite's outcome into counts for `npm test`'s summary: vitest's and Playwright's JSON
// reports, and the pass/fail of a whole-project check (tsc, svelte-check, eslint). A suite that
// crashes or exits non-zero without naming a failed test counts one failure, never a silent pass.

export interface Outcome {
  passed: number
  failed: number
  /** one short line: what failed, or how much passed */
  note: string
}

/** a check of the whole project: one pass or one failure */
export function checkOutcome(exitCode: number | null): Outcome {
  return exitCode === 0 ? { passed: 1, failed: 0, note: 'clean' } : { passed: 0, failed: 1, note: `failed (exit ${exitCode})` }
}

interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests?: number
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[]
}

/** vitest's JSON report; a test file that failed before any test ran counts as one failure */
export function vitestOutcome(report: VitestReport | null, exitCode: number | null): Outcome {
  if (!report) return crashed(exitCode)
  const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0)
  const skipped = report.numPendingTests ?? 0
  const failed = report.numFailedTests + broken.length + skipped
  const notes = [
    ...broken.map((f) => `${f.name.replace(/^.*\/test\//, 'test/')} did not load`),
    ...(skipped > 0 ? [`${skipped} skipped (counted as failed)`] : []),
  ]
  return settle({ passed: report.numPassedTests, failed, note: notes.join('; ') }, exitCode)
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
  errors?: { message?: string }[]
}

/** Playwright's JSON report; flaky tests passed on retry, skipped ones count as failed */
export function playwrightOutcome(report: PlaywrightReport | null, exitCode: number | null): Outcome {
  if (!report) return crashed(exitCode)
  const { expected, unexpected, flaky, skipped } = report.stats
  const setupErrors = report.errors?.length ?? 0
  const notes = [
    ...(flaky > 0 ? [`${flaky} flaky`] : []),
    ...(skipped > 0 ? [`${skipped} skipped (counted as failed)`] : []),
    ...(report.errors ?? []).map((e) => (e.message ?? 'error').split('\n')[0]),
  ]
  return settle({ passed: expected + flaky, failed: unexpected + skipped + setupErrors, note: notes.join('; ') }, exitCode)
}

function crashed(exitCode: number | null): Outcome {
  return { passed: 0, failed: 1, note: `crashed before reporting (exit ${exitCode})` }
}

// a runner that failed while its report shows no failure still failed
function settle(o: Outcome, exitCode: number | null): Outcome {
  if (exitCode === 0 || o.failed > 0) return o
  return { ...o, failed: 1, note: [o.note, `exited ${exitCode} with no failed test`].filter(Boolean).join('; ') }
}

/** the summary block; its last line is exactly "N passed, N failed" */
export function summary(rows: { name: string; outcome: Outcome; seconds: number }[]): string {
  const width = Math.max(...rows.map((r) => r.name.length))
  const lines = rows.map(({ name, outcome: o, seconds }) =>
    `${name.padEnd(width)}  ${`${o.passed} passed, ${o.failed} failed`.padEnd(24)} ${seconds.toFixed(1).padStart(6)} s${o.note ? `  ${o.note}` : ''}`)
  const passed = rows.reduce((s, r) => s + r.outcome.passed, 0)
  const failed = rows.reduce((s, r) => s + r.outcome.failed, 0)
  return [...lines, `${passed} passed, ${failed} failed`].join('\n')
}
