// What one dashboard update costs with long curves: a live state appended to 50,000-step curves, the
// chart lines rebuilt (smoothing included) and both charts drawn. At 20 updates a second this must stay
// far below a frame. Run: npx vitest bench -c test/vitest.config.ts --project node test/renderer/train --run
import { bench, describe } from 'vitest'
import type { RunState } from '../../../preload/contract.ts'
import { drawChart, type ChartContext } from '../../../renderer/train/chart/line-chart.ts'
import { metricSeries } from '../../../renderer/train/chart-series.ts'
import { appendLive, mergeSeries } from '../../../renderer/train/curves.ts'

const steps = 50_000
const stepList = Array.from({ length: steps }, (_, i) => i + 1)
const curves = mergeSeries({}, ['loss', 'accuracy', 'lr'].map((name, k) => ({
  scope: 'step' as const, split: 'train' as const, name, step: stepList, epoch: stepList.map((s) => Math.floor(s / 1000)),
  value: stepList.map((s) => (k === 1 ? 1 - 1 / Math.sqrt(s) : 2 / Math.sqrt(s)) + 0.05 * Math.sin(s)),
})))

// a context that does the arithmetic of a canvas call and nothing else
const noop = () => {}
const ctx = { strokeStyle: '', fillStyle: '', lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'top' } as unknown as ChartContext
for (const op of ['clearRect', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'fillText', 'setLineDash', 'save', 'restore', 'rect', 'clip', 'fillRect']) {
  (ctx as unknown as Record<string, unknown>)[op] = noop
}

let step = steps
const state = (): RunState => ({ runId: 1, status: 'running', step: ++step, epoch: 50, totalSteps: 1e6, stepsPerEpoch: 1000, loss: 0.1,
  accuracy: 0.97, imagesPerSecond: 5000, lr: 0.001, lastEpoch: null, backend: 'cpu', error: null })

describe('one dashboard update on 50,000-step curves', () => {
  bench('append a live state + rebuild both charts\' lines + draw them', () => {
    const c = appendLive(curves, state())
    for (const metric of ['loss', 'accuracy']) {
      drawChart(ctx, { width: 600, height: 240, xLabel: 'step', series: metricSeries([{ name: 'run', curves: c }], metric, { x: 'step', smoothing: 0.6 }),
        colors: { text: '#000', grid: '#ccc' } })
    }
  }, { time: 1500, warmupTime: 300 })
})
