import { describe, expect, it } from 'vitest'
import type { MetricSeries, RunState } from '../../../preload/contract.ts'
import { metricSeries, varies } from '../../../renderer/train/chart-series.ts'
import { appendLive, mergeSeries, unionCurves } from '../../../renderer/train/curves.ts'

const series = (scope: 'step' | 'epoch', split: 'train' | 'val', name: string, step: number[], value: (number | null)[]): MetricSeries =>
  ({ scope, split, name, step, epoch: step.map(() => 0), value })

const state = (over: Partial<RunState>): RunState => ({
  runId: 1, status: 'running', step: 0, epoch: 0, totalSteps: 100, stepsPerEpoch: 50, loss: null, accuracy: null,
  imagesPerSecond: null, lr: null, lastEpoch: null, backend: 'cpu', error: null, ...over,
})

describe('curves', () => {
  it('merges recorded series, turning null back into NaN and never repeating a step', () => {
    const a = mergeSeries({}, [series('step', 'train', 'loss', [1, 2], [2.3, null])])
    expect(a['step.train.loss'].value[0]).toBe(2.3)
    expect(a['step.train.loss'].value[1]).toBeNaN()
    const b = mergeSeries(a, [series('step', 'train', 'loss', [2, 3], [9, 1.5])])
    expect(b['step.train.loss'].step).toEqual([1, 2, 3])
    expect(b['step.train.loss'].value.slice(2)).toEqual([1.5])
    expect(a['step.train.loss'].step).toEqual([1, 2]) // the input is left as it was
  })

  it('grows from live states: a point per new step, the epoch figures once per epoch', () => {
    let c = appendLive({}, state({ step: 0 }))
    expect(c).toEqual({})
    c = appendLive(c, state({ step: 10, loss: 1, accuracy: 0.5, lr: 0.01 }))
    c = appendLive(c, state({ step: 10, loss: 1, accuracy: 0.5, lr: 0.01 }))
    c = appendLive(c, state({ step: 20, loss: 0.8, accuracy: 0.6, lr: 0.01 }))
    expect(c['step.train.loss'].step).toEqual([10, 20])
    expect(c['step.train.lr'].value).toEqual([0.01, 0.01])
    const lastEpoch = { epoch: 1, train: { loss: 0.7, accuracy: 0.7 }, validation: { loss: 0.5, accuracy: 0.9 } }
    c = appendLive(c, state({ step: 50, epoch: 1, loss: 0.6, accuracy: 0.7, lastEpoch }))
    c = appendLive(c, state({ step: 55, epoch: 1, loss: 0.6, accuracy: 0.7, lastEpoch }))
    expect(c['epoch.val.accuracy']).toEqual({ step: [50], epoch: [1], value: [0.9] })
    // a state that arrives a few steps after the epoch's end still puts the epoch's point at its end
    const later = appendLive(c, state({ step: 104, epoch: 2, loss: 0.5, accuracy: 0.8, lastEpoch: { ...lastEpoch, epoch: 2 } }))
    expect(later['epoch.val.accuracy'].step).toEqual([50, 100])
    expect(c['epoch.train.loss'].value).toEqual([0.7])
  })

  it('fills the gaps between live points with the recorded ones, keeping live points not recorded yet', () => {
    let live = appendLive({}, state({ step: 10, loss: 0.9, accuracy: 0.5 }))
    live = appendLive(live, state({ step: 30, loss: 0.5, accuracy: 0.8 }))
    const recorded = mergeSeries({}, [series('step', 'train', 'loss', [5, 10, 20], [1, 0.95, 0.7]), series('epoch', 'val', 'loss', [20], [0.6])])
    const u = unionCurves(recorded, live)
    expect(u['step.train.loss'].step).toEqual([5, 10, 20, 30])
    expect(u['step.train.loss'].value).toEqual([1, 0.95, 0.7, 0.5]) // step 10: the recorded value
    expect(u['step.train.accuracy'].step).toEqual([10, 30]) // only live so far
    expect(u['epoch.val.loss'].step).toEqual([20])
  })

  it('turns curves into chart lines: smoothed train by step, validation dashed, one colour per run', () => {
    const curves = mergeSeries({}, [
      series('step', 'train', 'loss', [1, 2], [2, 4]),
      series('epoch', 'train', 'loss', [2], [3]),
      series('epoch', 'val', 'loss', [2], [2.5]),
    ])
    const one = metricSeries([{ name: 'A', curves }], 'loss', { x: 'step', smoothing: 0.5 })
    expect(one.map((s) => [s.label, s.dashed ?? false])).toEqual([['train', false], ['validation', true]])
    expect(one[0].ys[1]).toBeCloseTo((0.5 * 0.5 * 2 + 0.5 * 4) / 0.75, 12) // debiased EMA at the second point
    const byEpoch = metricSeries([{ name: 'A', curves }, { name: 'B', curves }], 'loss', { x: 'epoch', smoothing: 0.9 })
    expect(byEpoch.map((s) => s.label)).toEqual(['A train', 'A validation', 'B train', 'B validation'])
    expect(byEpoch[0].ys).toEqual([3]) // by epoch: the epoch averages, unsmoothed
    expect(byEpoch[0].color).not.toBe(byEpoch[2].color)
  })

  it('tells a moving learning rate from a constant one', () => {
    expect(varies([0.1, 0.1, 0.1])).toBe(false)
    expect(varies([0.1, 0.1, 0.05])).toBe(true)
    expect(varies([])).toBe(false)
  })
})
