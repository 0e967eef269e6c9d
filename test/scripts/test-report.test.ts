// npm test's counting: reports become counts, and crashes, load failures, skips and a non-zero exit
// without a named failure all count as failures; the last summary line is exactly "N passed, N failed".
import { describe, expect, it } from 'vitest'
import { checkOutcome, playwrightOutcome, summary, vitestOutcome } from '../../scripts/test-report.ts'

const file = (name: string, status: string, tests: number) => ({ name, status, assertionResults: new Array(tests).fill({}) })

describe('vitestOutcome', () => {
  it('counts passed and failed tests, and a file that did not load as one failure', () => {
    const report = { numPassedTests: 7, numFailedTests: 1, numPendingTests: 0, testResults: [file('/r/test/a.test.ts', 'failed', 3), file('/r/test/b.test.ts', 'failed', 0)] }
    expect(vitestOutcome(report, 1)).toEqual({ passed: 7, failed: 2, note: 'test/b.test.ts did not load' })
  })

  it('counts skipped tests as failed', () => {
    expect(vitestOutcome({ numPassedTests: 2, numFailedTests: 0, numPendingTests: 1, testResults: [] }, 0))
      .toEqual({ passed: 2, failed: 1, note: '1 skipped (counted as failed)' })
  })

  it('fails a run that crashed or exited non-zero with nothing failed', () => {
    expect(vitestOutcome(null, 1)).toEqual({ passed: 0, failed: 1, note: 'crashed before reporting (exit 1)' })
    expect(vitestOutcome({ numPassedTests: 3, numFailedTests: 0, testResults: [] }, 1))
      .toEqual({ passed: 3, failed: 1, note: 'exited 1 with no failed test' })
  })
})

describe('playwrightOutcome', () => {
  it('counts expected and flaky as passed; unexpected, skipped and global errors as failed', () => {
    const report = { stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 1 }, errors: [{ message: 'globalSetup failed\nstack' }] }
    expect(playwrightOutcome(report, 1)).toEqual({ passed: 6, failed: 3, note: '1 flaky; 1 skipped (counted as failed); globalSetup failed' })
  })

  it('passes a clean run and fails a missing report', () => {
    expect(playwrightOutcome({ stats: { expected: 8, unexpected: 0, flaky: 0, skipped: 0 } }, 0)).toEqual({ passed: 8, failed: 0, note: '' })
    expect(playwrightOutcome(null, null).failed).toBe(1)
  })
})

describe('summary', () => {
  it('lists every suite and ends with the totals', () => {
    const text = summary([
      { name: 'typecheck (tsc)', outcome: checkOutcome(0), seconds: 3 },
      { name: 'lint (eslint)', outcome: checkOutcome(1), seconds: 2 },
      { name: 'unit (vitest)', outcome: { passed: 40, failed: 2, note: '' }, seconds: 10 },
    ])
    const lines = text.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain('0 passed, 1 failed')
    expect(lines[1]).toContain('failed (exit 1)')
    expect(lines[3]).toBe('41 passed, 3 failed')
  })
})
