// Learning-rate schedules by formula: constant, step decay, cosine annealing, linear warm-up before any of
// them, and the checks that reject a malformed schedule read from a project.
import { describe, expect, it } from 'vitest'
import { checkSchedule, learningRate, type ScheduleSpec } from '../../../engine/optim/schedule.ts'

const at = (spec: ScheduleSpec, steps: number[], base = 0.1) => steps.map((s) => learningRate(spec, base, s))

describe('learning-rate schedules', () => {
  it('constant', () => {
    expect(at({ kind: 'constant' }, [0, 1, 1000])).toEqual([0.1, 0.1, 0.1])
  })

  it('step: ×gamma every `every` steps', () => {
    const lr = at({ kind: 'step', every: 10, gamma: 0.5 }, [0, 9, 10, 19, 20, 35], 0.8)
    expect(lr).toEqual([0.8, 0.8, 0.4, 0.4, 0.2, 0.1])
  })

  it('cosine: base at 0, halfway is the middle, min after `steps`', () => {
    const spec: ScheduleSpec = { kind: 'cosine', steps: 100, minFactor: 0.1 }
    const [start, quarter, half, end, after] = at(spec, [0, 25, 50, 100, 500], 1)
    expect(start).toBe(1)
    expect(half).toBeCloseTo(0.55, 12)
    expect(quarter).toBeCloseTo(0.1 + 0.9 * (1 + Math.SQRT1_2) / 2, 12)
    expect(end).toBeCloseTo(0.1, 12)
    expect(after).toBeCloseTo(0.1, 12)
    expect(at({ kind: 'cosine', steps: 10 }, [10], 1)[0]).toBeCloseTo(0, 12)
  })

  it('linear warm-up: base·(s+1)/warmup, then the schedule counts from the end of warm-up', () => {
    const spec: ScheduleSpec = { kind: 'step', every: 2, gamma: 0.1, warmup: 4 }
    const lr = at(spec, [0, 1, 2, 3, 4, 5, 6], 1)
    expect(lr.slice(0, 4)).toEqual([0.25, 0.5, 0.75, 1])
    expect(lr[4]).toBe(1)
    expect(lr[5]).toBe(1)
    expect(lr[6]).toBeCloseTo(0.1, 12)
    expect(at({ kind: 'constant', warmup: 2 }, [0, 1, 2], 1)).toEqual([0.5, 1, 1])
  })

  it('rejects malformed schedules with a reason', () => {
    expect(checkSchedule({ kind: 'constant' })).toBeNull()
    expect(checkSchedule({ kind: 'cosine', steps: 10, minFactor: 0.5, warmup: 3 })).toBeNull()
    expect(checkSchedule({ kind: 'step', every: 0, gamma: 0.5 })).toMatch(/every/)
    expect(checkSchedule({ kind: 'step', every: 3, gamma: 1.5 })).toMatch(/gamma/)
    expect(checkSchedule({ kind: 'cosine', steps: 2.5 })).toMatch(/steps/)
    expect(checkSchedule({ kind: 'constant', warmup: -1 })).toMatch(/warm-up/)
    expect(checkSchedule({ kind: 'exp' } as unknown as ScheduleSpec)).toMatch(/unknown schedule "exp"/)
  })
})
