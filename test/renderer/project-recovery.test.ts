// The recovery dialog's words: the time a leftover was last changed (today: the time alone) and what it holds.
import { describe, expect, it } from 'vitest'
import type { RecoverableProject } from '../../preload/contract.ts'
import { holds, recoveryQuestion, whenChanged } from '../../renderer/lib/project/recovery.ts'

const leftover = (layers: number, runs: number, datasets: number, modifiedAt = 0): RecoverableProject =>
  ({ path: '/s/untitled/untitled-1.receptive', name: 'Untitled', modifiedAt, summary: { layers, runs, datasets } })

describe('recovery words', () => {
  it('gives the time alone for today, the day and month before it otherwise', () => {
    const at = new Date(2026, 10, 25, 19, 2).getTime()
    expect(whenChanged(at, new Date(2026, 10, 25, 23, 59).getTime())).toBe('19:02')
    expect(whenChanged(at, new Date(2026, 10, 26, 8, 0).getTime())).toBe('25 Nov 19:02')
    expect(whenChanged(new Date(2026, 0, 3, 7, 5).getTime(), at)).toBe('3 Jan 07:05')
  })

  it('names layers always, runs and datasets only when there are some, with plurals', () => {
    expect(holds(leftover(9, 0, 0))).toBe('9 layers')
    expect(holds(leftover(1, 1, 0))).toBe('1 layer, 1 run')
    expect(holds(leftover(12, 3, 2))).toBe('12 layers, 3 runs, 2 datasets')
  })

  it('asks about one leftover', () => {
    const at = new Date(2026, 10, 25, 19, 2).getTime()
    expect(recoveryQuestion(leftover(9, 2, 0, at), at)).toBe('Recover the unsaved project from 19:02 (9 layers, 2 runs)?')
  })
})
