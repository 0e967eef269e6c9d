// Runs on the wire: what JSON would mangle (NaN from a diverged run) arrives as null, and the rest as it was.

import { describe, expect, it } from 'vitest'
import { wireSeries, wireState, wireSummary } from '../../../../main/services/runs/run-wire.ts'
import type { RunState } from '../../../../main/services/runs/run-state.ts'

const state: RunState = {
  runId: 3, status: 'failed', step: 12, epoch: 1, totalSteps: 40, stepsPerEpoch: 20, loss: NaN, accuracy: 0.25, imagesPerSecond: 800, lr: 0.1,
  lastEpoch: { epoch: 1, train: { loss: NaN, accuracy: 0.3 }, validation: null }, backend: 'cpu', error: 'training diverged',
}

describe('run wire shapes', () => {
  it('makes NaN null in a state and survives JSON unchanged', () => {
    const w = wireState(state)
    expect(w).toEqual({ ...state, loss: null, lastEpoch: { epoch: 1, train: { loss: null, accuracy: 0.3 }, validation: null } })
    expect(JSON.parse(JSON.stringify(w))).toEqual(w)
  })

  it('keeps a state without figures as it is', () => {
    const fresh = { ...state, status: 'queued' as const, loss: null, accuracy: null, imagesPerSecond: null, lr: null, lastEpoch: null, error: null }
    expect(wireState(fresh)).toEqual(fresh)
  })

  it('makes NaN null in summaries and series, and leaves out the spec and dataset', () => {
    const summary = wireSummary({
      id: 1, name: 'r', spec: { big: true }, hyper: { epochs: 2 }, dataset: { d: 1 }, backend: 'cpu', adapter: null, seed: 4, status: 'done',
      createdAt: 1, startedAt: 2, endedAt: 3, error: null, final: { 'val.loss': NaN, 'val.accuracy': 0.9 }, bestValAccuracy: 0.9,
    })
    expect(summary).not.toHaveProperty('spec')
    expect(summary).not.toHaveProperty('dataset')
    expect(summary.final).toEqual({ 'val.loss': null, 'val.accuracy': 0.9 })
    expect(wireSeries({ scope: 'step', split: 'train', name: 'loss', step: [1, 2], epoch: [1, 1], value: [0.5, NaN] }).value).toEqual([0.5, null])
  })
})
