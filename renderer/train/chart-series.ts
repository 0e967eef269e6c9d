// Which lines a chart draws for the runs on show: per run, training (solid, smoothed when by step) and
// validation (dashed), by step or by epoch, one colour per run. Pure, so the dashboard and the comparison
// share it and a test can check it.

import type { ChartSeries } from './chart/line-chart.ts'
import { smooth } from './chart/smooth.ts'
import { curveKey, type Curves } from './curves.ts'

export type XAxis = 'step' | 'epoch'
export interface ShownRun { name: string; curves: Curves }
export interface SeriesOptions { x: XAxis; smoothing: number }

export const RUN_COLORS = ['#2f6fde', '#e0662f', '#2a9d55', '#a23fc4', '#c9a100', '#d0356a', '#1c9aa8', '#7a5c3c']

/** the lines of one metric ('loss' or 'accuracy') for every shown run */
export function metricSeries(runs: ShownRun[], metric: string, { x, smoothing }: SeriesOptions): ChartSeries[] {
  const out: ChartSeries[] = []
  const many = runs.length > 1
  runs.forEach((run, k) => {
    const color = RUN_COLORS[k % RUN_COLORS.length]
    const label = (split: string) => (many ? `${run.name} ${split}` : split)
    const train = run.curves[curveKey(x === 'step' ? 'step' : 'epoch', 'train', metric)]
    if (train?.step.length) {
      const ys = x === 'step' ? smooth(train.value, smoothing) : train.value
      out.push({ label: label('train'), color, markers: x === 'epoch', xs: x === 'step' ? train.step : train.epoch, ys })
    }
    const val = run.curves[curveKey('epoch', 'val', metric)]
    if (val?.step.length) out.push({ label: label('validation'), color, dashed: true, markers: true, xs: x === 'step' ? val.step : val.epoch, ys: val.value })
  })
  return out
}

/** whether a line changes at all (a constant learning rate needs no chart) */
export function varies(ys: ArrayLike<number>): boolean {
  for (let i = 1; i < ys.length; i++) if (ys[i] !== ys[0]) return true
  return false
}
