// A run's curves as the dashboard holds them: the series read from the project (runs.metrics), grown
// by the live states main pushes while the run trains (run.progress), without duplicating a step. Plain
// data and pure functions: each change returns a new object, so Svelte sees it.

import type { MetricSeries, RunState } from '../../preload/contract.ts'

export interface Curve { step: number[]; epoch: number[]; value: number[] }
/** by "<scope>.<split>.<name>", e.g. "step.train.loss", "epoch.val.accuracy" */
export type Curves = Readonly<Record<string, Curve>>

export const curveKey = (scope: string, split: string, name: string) => `${scope}.${split}.${name}`

/** a copy of `curves` whose curves are copied once each, on first write, then grown in place */
function editable(curves: Curves) {
  const out: Record<string, Curve> = { ...curves }
  const copied = new Set<string>()
  return {
    out,
    push(key: string, step: number, epoch: number, value: number): void {
      const before = out[key]
      // one point per step: a replayed step (after a resume) replaces nothing it already has
      if (before?.step.length && before.step[before.step.length - 1] >= step) return
      if (!copied.has(key)) {
        out[key] = before ? { step: [...before.step], epoch: [...before.epoch], value: [...before.value] } : { step: [], epoch: [], value: [] }
        copied.add(key)
      }
      const c = out[key]
      c.step.push(step)
      c.epoch.push(epoch)
      c.value.push(value)
    },
  }
}

/** adds what the project holds beyond the curves' last points */
export function mergeSeries(curves: Curves, series: MetricSeries[]): Curves {
  const e = editable(curves)
  for (const s of series) {
    const key = curveKey(s.scope, s.split, s.name)
    for (let i = 0; i < s.step.length; i++) e.push(key, s.step[i], s.epoch[i], s.value[i] ?? NaN)
  }
  return e.out
}

/** every point of both, by step; where both have a step, `recorded`'s value (live points are a subsample
 *  of what main records, so the recorded curve fills the gaps between them) */
export function unionCurves(recorded: Curves, live: Curves): Curves {
  const out: Record<string, Curve> = { ...live, ...recorded }
  for (const key of Object.keys(live)) {
    const r = recorded[key], l = live[key]
    if (!r) continue
    const c: Curve = { step: [], epoch: [], value: [] }
    let i = 0, j = 0
    while (i < r.step.length || j < l.step.length) {
      const takeR = j >= l.step.length || (i < r.step.length && r.step[i] <= l.step[j])
      if (takeR && j < l.step.length && r.step[i] === l.step[j]) j++
      const [src, k] = takeR ? [r, i++] : [l, j++]
      c.step.push(src.step[k])
      c.epoch.push(src.epoch[k])
      c.value.push(src.value[k])
    }
    out[key] = c
  }
  return out
}

/** adds the points a live state carries: the last batch's loss and accuracy, the last epoch's figures */
export function appendLive(curves: Curves, s: RunState): Curves {
  const { out, push } = editable(curves)
  if (s.loss !== null && s.step > 0) {
    push(curveKey('step', 'train', 'loss'), s.step, s.epoch, s.loss)
    push(curveKey('step', 'train', 'accuracy'), s.step, s.epoch, s.accuracy ?? NaN)
    if (s.lr !== null) push(curveKey('step', 'train', 'lr'), s.step, s.epoch, s.lr)
  }
  const e = s.lastEpoch
  if (e) {
    const have = out[curveKey('epoch', 'train', 'loss')]
    if (!have || have.epoch[have.epoch.length - 1] < e.epoch) {
      // the step the epoch ended at, as recorded (a throttled state may come a few steps later)
      const at = s.stepsPerEpoch > 0 ? e.epoch * s.stepsPerEpoch : s.step
      for (const [split, f] of [['train', e.train], ['val', e.validation]] as const) {
        if (!f) continue
        push(curveKey('epoch', split, 'loss'), at, e.epoch, f.loss ?? NaN)
        push(curveKey('epoch', split, 'accuracy'), at, e.epoch, f.accuracy ?? NaN)
      }
    }
  }
  return out
}
