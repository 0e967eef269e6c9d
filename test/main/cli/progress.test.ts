// The terminal progress line: counts, percent and ETA from elapsed time, throttled to 100 ms
// except for the final update, and cleared at the end.
import { describe, expect, it } from 'vitest'
import { progressLine } from '../../../main/cli/progress.ts'

describe('progressLine', () => {
  it('shows counts, percent and the time left, skipping updates closer than 100 ms', () => {
    const written: string[] = []
    let now = 1000
    const line = progressLine((t) => written.push(t), () => now)
    line.update({ phase: 'decode', done: 0, total: 400, unit: 'files' })
    now = 1050
    line.update({ phase: 'decode', done: 50, total: 400, unit: 'files' })
    now = 3000
    line.update({ phase: 'decode', done: 100, total: 400, unit: 'files' })
    now = 3010
    line.update({ phase: 'decode', done: 400, total: 400, unit: 'files' })
    line.clear()
    expect(written).toEqual([
      '\r\x1b[2Kdecode 0 of 400 files (0%)',
      // a quarter done after 2 s: 6 s to go
      '\r\x1b[2Kdecode 100 of 400 files (25%, about 6 s left)',
      '\r\x1b[2Kdecode 400 of 400 files (100%)',
      '\r\x1b[2K',
    ])
  })

  it('counts bytes in MiB', () => {
    const written: string[] = []
    progressLine((t) => written.push(t), () => 0).update({ phase: 'read', done: 2 ** 20, total: 4 * 2 ** 20, unit: 'bytes' })
    expect(written).toEqual(['\r\x1b[2Kread 1.0 MiB of 4.0 MiB (25%)'])
  })
})
