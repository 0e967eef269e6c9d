// Forward migrations from every earlier schema version, on files written by that version (test/fixtures/store,
// made by make-fixtures.ts): the upgraded file passes integrity and foreign-key checks, has exactly a fresh
// project's schema, keeps its data under the new shape, and leaves a backup of the original beside it.

import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inspectProjectFile } from '../../../main/store/file-format.ts'
import { ProjectStore, SCHEMA_VERSION } from '../../../main/store/index.ts'
import { MIGRATIONS, migrate } from '../../../main/store/migrations/migrate.ts'
import { schemaSignature } from '../../../main/store/schema-check.ts'
import { fingerprint, tempDir } from './files.ts'

const fixtures = join(import.meta.dirname, '../../fixtures/store')
let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function ramp(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => (seed + i) / 8)
}

function copyFixture(version: number): string {
  const path = join(dir, `v${version}.receptive`)
  copyFileSync(join(fixtures, `v${version}.receptive`), path)
  return path
}

function freshSignature(): string {
  const path = join(dir, 'fresh.receptive')
  ProjectStore.create(path, { appVersion: 'test' }).close()
  const db = new Database(path, { readonly: true })
  try { return schemaSignature(db) } finally { db.close() }
}

describe('every earlier schema version has a fixture', () => {
  it.each(MIGRATIONS.filter(m => m.to < SCHEMA_VERSION).map(m => m.to))('v%i', version => {
    expect(inspectProjectFile(join(fixtures, `v${version}.receptive`)).schemaVersion).toBe(version)
  })
})

describe('migrating a version-1 project', () => {
  it('upgrades to the current schema with clean integrity and foreign-key checks', () => {
    const path = copyFixture(1)
    const store = ProjectStore.open(path)
    expect(store.migratedFrom).toBe(1)
    expect(store.info().schemaVersion).toBe(SCHEMA_VERSION)
    store.close()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const sig = schemaSignature(db)
    db.close()
    expect(sig).toBe(freshSignature())
  })

  it('keeps a backup of the original that is still a version-1 project', () => {
    const path = copyFixture(1)
    const original = fingerprint(path, dir).sha256
    const store = ProjectStore.open(path)
    expect(store.backupPath).toBe(`${path}.v1.bak`)
    store.close()
    expect(inspectProjectFile(`${path}.v1.bak`).schemaVersion).toBe(1)
    const bak = new Database(`${path}.v1.bak`, { readonly: true })
    const oldDb = new Database(join(fixtures, 'v1.receptive'), { readonly: true })
    const dump = (db: Database.Database) => db.prepare('SELECT * FROM metrics ORDER BY rowid').all()
    expect(dump(bak)).toEqual(dump(oldDb))
    bak.close(); oldDb.close()
    expect(fingerprint(path, dir).sha256).not.toBe(original)
  })

  it('keeps project, graph, datasets and runs, and marks the run left running as interrupted', () => {
    const store = ProjectStore.open(copyFixture(1))
    expect(store.info()).toMatchObject({ name: 'Old project', appVersion: '0.0.9' })
    expect(store.graph.get()?.layout).toEqual({ c1: { x: 10, y: 20 } })
    expect(store.datasets.list().map(d => d.name)).toEqual(['digits'])
    expect(store.interruptedOnOpen).toEqual([2])
    const [baseline, crashed] = store.runs.list()
    expect(baseline).toMatchObject({ name: 'baseline', status: 'done', adapter: null, seed: 7, hyper: { lr: 0.01, epochs: 2 } })
    expect(crashed).toMatchObject({ name: 'crashed', status: 'interrupted' })
    expect(crashed.error).toMatch(/running/)
    store.close()
  })

  it('splits packed metric names into scope, split and name', () => {
    const store = ProjectStore.open(copyFixture(1))
    const curves = store.metrics.series(1)
    const key = (s: { scope: string; split: string; name: string }) => `${s.scope}/${s.split}/${s.name}`
    expect(curves.map(key)).toEqual(['epoch/test/accuracy', 'epoch/train/loss', 'epoch/val/accuracy', 'epoch/val/loss',
      'step/train/gpu.memory', 'step/train/loss', 'step/train/lr'])
    const stepLoss = curves.find(c => key(c) === 'step/train/loss')!
    expect(stepLoss.step).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(stepLoss.epoch).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    expect(stepLoss.value[9]).toBeCloseTo(1, 12)
    expect(curves.find(c => c.name === 'gpu.memory')!.value).toEqual([NaN])
    const [baseline] = store.runs.list()
    expect(baseline.bestValAccuracy).toBe(0.75)
    expect(baseline.final).toEqual({ 'test.accuracy': 0.625, 'train.loss': expect.closeTo(0.6, 12), 'val.loss': 0.7, 'val.accuracy': 0.5 })
    store.close()
  })

  it('gives epoch-keyed snapshots and checkpoints the step their epoch ended at', () => {
    const store = ProjectStore.open(copyFixture(1))
    const snaps = store.snapshots.list(1)
    expect(snaps.map(s => [s.param, s.epoch, s.step])).toEqual([
      ['bias', 0, 0], ['bias', 1, 5], ['bias', 2, 10], ['weight', 0, 0], ['weight', 1, 5], ['weight', 2, 10]])
    const w1 = store.snapshots.get(snaps[4].id)!
    expect(w1.shape).toEqual([2, 1, 3, 3])
    expect(Array.from(w1.data)).toEqual(ramp(18, 100))
    const ckpt = store.checkpoints.latest(1)!
    expect(ckpt).toMatchObject({ step: 10, epoch: 2, state: { rng: [2, 42], epochsDone: 2 } })
    expect(Array.from(ckpt.weights['c1.weight'].data)).toEqual(ramp(18, 2000))
    expect(Array.from(ckpt.optimizer['c1.weight.momentum'].data)).toEqual(ramp(18, 2500))
    store.close()
  })

  it('accepts new kinds of rows after the upgrade (artifacts, adapters, step snapshots)', () => {
    const store = ProjectStore.open(copyFixture(1))
    store.artifacts.put(1, 'evaluation', 'test', { json: { accuracy: 0.5 } })
    const id = store.runs.create({ name: 'gpu', spec: {}, hyper: {}, dataset: {}, backend: 'webgpu', adapter: 'SwiftShader', seed: 3 })
    expect(store.runs.get(id)?.adapter).toBe('SwiftShader')
    expect(store.artifacts.get(1, 'evaluation', 'test')?.json).toEqual({ accuracy: 0.5 })
    store.close()
  })

  it('leaves the file at version 1, unchanged, when a migration step fails half-way', () => {
    const path = copyFixture(1)
    const before = readFileSync(path)
    const db = new Database(path)
    const failing = MIGRATIONS.map(m => m.to === 2
      ? { to: 2, up: (d: Database.Database) => { m.up(d); throw new Error('disk on fire') } }
      : m)
    expect(() => migrate(db, failing)).toThrow('disk on fire')
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.close()
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-journal`)).toBe(false)
  })
})
