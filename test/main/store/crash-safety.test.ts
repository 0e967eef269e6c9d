// Crash safety the way SQLite tests it (RELIABILITY.md E9): a child process writes to a project and is
// killed with SIGKILL at a random moment, again and again; after every kill the project reopens through
// ProjectStore, integrity_check and foreign_key_check are clean, every step is there whole or not at all
// (its metrics and its checkpoint come from one transaction), and every step the child reported as
// committed survived. RECEPTIVE_CRASH_ITERATIONS raises the number of kills for a longer soak.
// Also: SQLITE_FULL mid-save rolls back cleanly with a disk-full StoreError.

import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { sqliteNativeBinding } from '../../../main/native-binding.ts'
import { ProjectStore, StoreError } from '../../../main/store/index.ts'
import { tempDir, tinySpec } from './files.ts'

const ITERATIONS = Number(process.env.RECEPTIVE_CRASH_ITERATIONS ?? 25)
const MAX_DELAY_MS = 120
const VALUES_PER_STEP = 8
const WEIGHTS = 20_000 // an 80 KB blob: each batch spans many pages, so a kill can land between them

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** runs the writer until `delayMs` after it opened the project, kills it with -9; the last step it reported */
async function writeAndKill(path: string, delayMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', tsx, `${import.meta.dirname}/crash-writer.ts`, path, String(VALUES_PER_STEP), String(WEIGHTS)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c))
  const exited = new Promise<void>((r) => child.on('exit', () => r()))
  let reported = 0
  let timer: NodeJS.Timeout | undefined
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('ready ')) {
      reported = Number(line.slice(6))
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    } else reported = Number(line)
  }
  await exited
  clearTimeout(timer)
  expect(child.signalCode, `the writer ended by itself: ${stderr}`).toBe('SIGKILL')
  return reported
}

/** opens the project as the app does, then checks it with a separate connection; returns its last step */
function checkProject(path: string, reported: number, what: string): number {
  ProjectStore.open(path).close() // rolls back a hot journal; refuses a file that fails quick_check
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: sqliteNativeBinding() })
  try {
    expect(db.pragma('integrity_check', { simple: true }), what).toBe('ok')
    expect(db.pragma('foreign_key_check'), what).toEqual([])
    const steps = db.prepare(`SELECT step, count(*) AS n, min(value) AS lo, max(value) AS hi FROM metrics
      WHERE run_id = 1 GROUP BY step ORDER BY step`).all() as { step: number; n: number; lo: number; hi: number }[]
    steps.forEach((s, i) => expect(s, `${what}: step ${i + 1}`).toEqual({ step: i + 1, n: VALUES_PER_STEP, lo: i + 1, hi: i + 1 }))
    const last = steps.length
    expect(last, `${what}: a committed step was lost`).toBeGreaterThanOrEqual(reported)
    expect(last, `${what}: more than the batch in flight appeared`).toBeLessThanOrEqual(reported + 1)
    const ckpt = db.prepare(`SELECT c.step, t.data FROM checkpoints c JOIN checkpoint_tensors t ON t.checkpoint_id = c.id
      WHERE c.run_id = 1 ORDER BY c.step DESC LIMIT 1`).get() as { step: number; data: Buffer } | undefined
    if (last > 0) {
      expect(ckpt?.step, `${what}: checkpoint and metrics of one batch disagree`).toBe(last)
      const w = new Float32Array(ckpt!.data.buffer.slice(ckpt!.data.byteOffset, ckpt!.data.byteOffset + ckpt!.data.byteLength))
      expect(w.length).toBe(WEIGHTS)
      expect(w.every((v) => v === last), `${what}: torn checkpoint blob`).toBe(true)
    }
    return last
  } finally { db.close() }
}

it(`survives ${ITERATIONS} kills at random points mid-write: clean integrity, whole batches, nothing committed lost`, async () => {
  const path = `${dir}/crash.receptive`
  const store = ProjectStore.create(path, { appVersion: 'test' })
  store.runs.create({ name: 'r', spec: tinySpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 }, 'running')
  store.close()
  let last = 0
  let midWrite = 0 // kills that left a hot journal: the reopen had a half-written transaction to roll back
  for (let i = 0; i < ITERATIONS; i++) {
    const delay = Math.floor(Math.random() * MAX_DELAY_MS)
    const reported = await writeAndKill(path, delay)
    if (existsSync(`${path}-journal`) && statSync(`${path}-journal`).size > 0) midWrite++
    const now = checkProject(path, reported, `kill ${i + 1} after ${delay} ms`)
    expect(now).toBeGreaterThanOrEqual(last)
    last = now
  }
  expect(last, 'the writer never got to write').toBeGreaterThan(ITERATIONS)
  expect(midWrite, 'no kill landed inside a transaction').toBeGreaterThan(0)
  console.info(`crash-safety: ${ITERATIONS} kills, ${midWrite} inside a transaction, ${last} steps committed`)
}, 600_000)

it('rolls a batch back whole when the disk fills mid-transaction, and says the disk is full', () => {
  const path = `${dir}/full.receptive`
  const store = ProjectStore.create(path, { appVersion: 'test' })
  const run = store.runs.create({ name: 'r', spec: tinySpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 }, 'running')
  const batch = (step: number, n: number) => [
    { kind: 'metrics' as const, runId: run, step, epoch: 1, scope: 'step' as const, split: 'train' as const, values: { loss: step } },
    { kind: 'checkpoint' as const, runId: run, step, epoch: 1, state: {}, weights: { w: { shape: [n], data: new Float32Array(n).fill(step) } }, optimizer: {} },
  ]
  store.recordEvents(batch(1, 10))
  // max_page_count holds per connection, so it is set on the store's own (reached past `private` here only):
  // two pages more than the file has, and a batch that needs hundreds, is a disk that fills mid-write
  const db = (store as unknown as { db: Database.Database }).db
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages + 2}`)
  let thrown: unknown
  try { store.recordEvents(batch(2, 200_000)) } catch (err) { thrown = err }
  expect(thrown).toBeInstanceOf(StoreError)
  expect((thrown as StoreError).code).toBe('disk-full')
  expect(db.inTransaction).toBe(false)
  expect(store.metrics.series(run).map((s) => s.step)).toEqual([[1]])
  expect(store.checkpoints.latest(run)?.step).toBe(1)
  store.recordEvents(batch(2, 10)) // a smaller write still fits: the store is usable after the refusal
  expect(store.checkpoints.latest(run)?.step).toBe(2)
  store.close()
  const reopened = ProjectStore.open(path)
  expect(reopened.checkpoints.latest(run)?.step).toBe(2)
  reopened.close()
})
