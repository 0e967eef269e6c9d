// Every logical save is one transaction (RELIABILITY.md E2): a save that fails part-way, after some of its
// rows were written, leaves the file byte-identical to before, and the store goes on working.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ProjectStore, StoreError, type StoreEvent } from '../../../main/store/index.ts'
import { makeProject, tempDir } from './files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

it('a batch whose last event is refused leaves the file byte-identical, and the next batch is written', () => {
  const path = `${dir}/p.receptive`
  makeProject(path)
  const store = ProjectStore.open(path)
  const before = hash(path)
  const good: StoreEvent[] = Array.from({ length: 50 }, (_, i) => (
    { kind: 'metrics', runId: 1, step: 100 + i, epoch: 2, scope: 'step', split: 'train', values: { loss: i } }))
  const bad: StoreEvent = { kind: 'checkpoint', runId: 1, step: 150, epoch: 2, state: {},
    weights: { w: { shape: [3], data: new Float32Array(4) } }, optimizer: {} }
  let err: unknown
  try { store.recordEvents([...good, bad]) } catch (e) { err = e }
  expect(err).toBeInstanceOf(StoreError)
  expect(hash(path)).toBe(before)
  expect(store.metrics.series(1, { scope: 'step' })).toEqual([])
  store.recordEvents(good)
  expect(store.metrics.series(1, { scope: 'step' })[0].step).toHaveLength(50)
  store.close()
})

it('a refused status change or run leaves the file byte-identical', () => {
  const path = `${dir}/p.receptive`
  makeProject(path)
  const store = ProjectStore.open(path)
  const before = hash(path)
  expect(() => store.runs.setStatus(1, 'running')).toThrow(StoreError) // a finished run cannot be reopened
  expect(() => store.runs.create({ name: ' ', spec: {}, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 })).toThrow(StoreError)
  expect(hash(path)).toBe(before)
  store.close()
})
