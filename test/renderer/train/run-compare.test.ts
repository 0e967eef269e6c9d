import { describe, expect, it } from 'vitest'
import { TEMPLATES, type ModelSpec } from '../../../engine/graph/index.ts'
import type { RunEvaluation, RunSummary } from '../../../preload/contract.ts'
import { cellSamples, confidentMistakes, maxOffDiagonal, perClassAccuracy } from '../../../renderer/train/evaluation-view.ts'
import { compareRows, flatFields, graphFields, graphSummary } from '../../../renderer/train/run-compare.ts'
import { formatDuration, progressParts, secondsLeft } from '../../../renderer/train/progress-text.ts'
import { hyperSummary, runDuration } from '../../../renderer/train/run-row.ts'

describe('comparing runs', () => {
  it('sums up a graph in a line, with its parameter count from shape inference', () => {
    expect(graphSummary(TEMPLATES.lenet5.spec())).toBe(
      'conv 6 5×5 → maxpool 2×2 → conv 16 5×5 → maxpool 2×2 → dense 120 → dense 84 → dense 10 · 61,706 params')
  })

  it('lines up settings and graphs side by side, marking rows that differ', () => {
    const a = TEMPLATES.lenet5.spec()
    const b: ModelSpec = { ...a, nodes: a.nodes.map((n) => (n.id === 'conv2' ? { ...n, op: 'local' } as unknown as typeof n : n)) }
    const rows = compareRows([graphFields(a), graphFields(b)])
    expect(rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['conv2'])
    expect(rows.find((r) => r.key === 'conv2')!.values[1]).toMatch(/^local · filters 16 · kernel \[5,5\]/)
    const hyper = compareRows([
      flatFields({ epochs: 1, optimizer: { kind: 'adam', lr: 0.001 } }),
      flatFields({ epochs: 1, optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 } }),
    ])
    expect(hyper).toEqual([
      { key: 'epochs', values: ['1', '1'], differs: false },
      { key: 'optimizer.kind', values: ['"adam"', '"sgd"'], differs: true },
      { key: 'optimizer.lr', values: ['0.001', '0.1'], differs: true },
      { key: 'optimizer.momentum', values: [null, '0.9'], differs: true },
    ])
  })
})

describe('progress and run rows', () => {
  const live = { runId: 1, status: 'running' as const, step: 150, epoch: 1, totalSteps: 400, stepsPerEpoch: 100, loss: 0.5, accuracy: 0.8,
    imagesPerSecond: 1000, lr: 0.00123456, lastEpoch: null, backend: 'cpu', error: null }

  it('reads epoch, step, speed, time left and rate', () => {
    expect(secondsLeft(live, 32)).toBe((250 * 32) / 1000)
    expect(progressParts(live, 4, 32)).toEqual({ epoch: 'epoch 2 of 4', step: 'step 150 of 400', speed: '1,000 images/s', eta: '8 s left', lr: 'lr 0.00123' })
    expect(progressParts({ ...live, status: 'done', step: 400 }, 4, 32)).toMatchObject({ epoch: 'epoch 4 of 4', speed: '', eta: '' })
    expect([45, 185, 3720].map(formatDuration)).toEqual(['45 s', '3 min 05 s', '1 h 02 min'])
  })

  it('sums up settings and duration', () => {
    expect(hyperSummary({ epochs: 1, batchSize: 32, optimizer: { kind: 'adam', lr: 0.001 }, schedule: { kind: 'cosine' } }))
      .toBe('adam lr 0.001 · cosine schedule · 1 epoch · batch 32')
    const r = { startedAt: 1000, endedAt: 8000 } as RunSummary
    expect(runDuration(r, 99_999)).toBe('7 s')
    expect(runDuration({ ...r, endedAt: null }, 61_000)).toBe('1 min 00 s')
  })
})

describe('evaluation view', () => {
  const e: RunEvaluation = {
    classes: ['a', 'b', 'c'], split: 'test', accuracy: 0.5, loss: 1,
    confusion: [[1, 2, 0], [0, 1, 0], [2, 0, 0]],
    labels: [0, 0, 1, 2, 2, 0], predicted: [0, 1, 1, 0, 0, 1], confidence: [0.9, 0.6, 0.8, 0.7, 0.95, 0.99],
  }

  it('computes per-class accuracy from the confusion matrix', () => {
    expect(perClassAccuracy(e)).toEqual([
      { name: 'a', correct: 1, count: 3, accuracy: 1 / 3 }, { name: 'b', correct: 1, count: 1, accuracy: 1 },
      { name: 'c', correct: 0, count: 2, accuracy: 0 },
    ])
    expect(maxOffDiagonal(e.confusion)).toBe(2)
  })

  it('lists a cell\'s samples and the most confident mistakes, surest first', () => {
    expect(cellSamples(e, 2, 0)).toEqual([4, 3])
    expect(confidentMistakes(e, 2)).toEqual([5, 4])
  })
})
