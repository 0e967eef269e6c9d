// Runs as they cross to the renderer: plain JSON. A diverged run's NaN would become null in JSON anyway
// (and fail the contract's number schemas), so it is made null here, on purpose and in one place; the
// spec and dataset of a run stay in main (the renderer asks for them when it needs them).

import type { MetricSeries, RunSummary } from '../../store/index.ts'
import type { RunState, SplitFigures } from './run-state.ts'

const num = (v: number | null): number | null => (v === null || Number.isNaN(v) ? null : v)
const figures = (f: SplitFigures) => ({ loss: num(f.loss), accuracy: num(f.accuracy) })

export function wireState(s: RunState) {
  return {
    ...s, loss: num(s.loss), accuracy: num(s.accuracy), imagesPerSecond: num(s.imagesPerSecond), lr: num(s.lr),
    lastEpoch: s.lastEpoch && { epoch: s.lastEpoch.epoch, train: figures(s.lastEpoch.train), validation: s.lastEpoch.validation && figures(s.lastEpoch.validation) },
  }
}

export function wireSummary(r: RunSummary) {
  return {
    id: r.id, name: r.name, status: r.status, backend: r.backend, adapter: r.adapter, seed: r.seed, hyper: r.hyper,
    createdAt: r.createdAt, startedAt: r.startedAt, endedAt: r.endedAt, error: r.error,
    final: Object.fromEntries(Object.entries(r.final).map(([k, v]) => [k, num(v)])), bestValAccuracy: num(r.bestValAccuracy),
  }
}

export function wireSeries(s: MetricSeries) {
  return { ...s, value: s.value.map(num) }
}
