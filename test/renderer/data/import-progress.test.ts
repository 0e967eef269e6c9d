// How an import's progress reads: counts in files or MiB, the percentage, and a time left estimated
// from the current phase only once it has run a second.
import { describe, expect, it } from 'vitest'
import type { DataProgress } from '../../../preload/contract.ts'
import { PhaseClock, progressFraction, progressText } from '../../../renderer/data/import-progress.ts'

const p = (phase: DataProgress['phase'], done: number, total: number, unit: DataProgress['unit'] = 'files'): DataProgress =>
  ({ importId: 1, phase, done, total, unit })

describe('import progress', () => {
  it('reads counts, percentage and, after a second of a phase, the time left', () => {
    expect(progressText(p('decode', 1200, 8000), 500)).toBe('Decoding 1,200 of 8,000 files (15 %)')
    // 15 % in 6 s: the whole phase takes 40 s, 34 s are left
    expect(progressText(p('decode', 1200, 8000), 6000)).toBe('Decoding 1,200 of 8,000 files (15 %, about 34 s left)')
    expect(progressText(p('read', 3 * 2 ** 20, 12 * 2 ** 20, 'bytes'), 30_000)).toBe('Reading 3.0 MiB of 12.0 MiB (25 %, about 1 min 30 s left)')
    expect(progressText(p('scan', 10, 10), 5000)).toBe('Scanning 10 of 10 files (100 %)')
  })

  it('has a fraction in [0, 1], 0 while the total is unknown', () => {
    expect(progressFraction(p('scan', 0, 0))).toBe(0)
    expect(progressFraction(p('decode', 3, 4))).toBe(0.75)
    expect(progressFraction(p('decode', 5, 4))).toBe(1)
  })

  it('times each phase from its own start', () => {
    const clock = new PhaseClock()
    expect(clock.elapsed(p('scan', 1, 10), 1000)).toBe(0)
    expect(clock.elapsed(p('scan', 5, 10), 3500)).toBe(2500)
    expect(clock.elapsed(p('decode', 1, 10), 4000)).toBe(0)
    expect(clock.elapsed(p('decode', 2, 10), 4700)).toBe(700)
  })
})
