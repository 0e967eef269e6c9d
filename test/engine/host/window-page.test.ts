// The window host's page code in Chromium: window-entry.ts bundled for a browser, handed a MessagePort the
// way its preload does (window.postMessage 'receptive:engine-port'), trains a real job on the data main's
// window-data.ts serves, and ends with the window closing after its final event. Its events match a Node
// host's run of the same job (both on the CPU; the page served cross-origin isolated, as the CPU backend
// keeps tensors in SharedArrayBuffers), and on Chromium's WebGPU within 1e-3 of them. Needs Debian's Chromium, as the
// e2e suite does.
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveJob, type HostChannel } from '../../../engine/host/host-session.ts'
import { openNodeData } from '../../../engine/host/node-data.ts'
import type { HostMessage } from '../../../engine/host/protocol.ts'
import { trainJobWith } from '../../../engine/host/train-job.ts'
import { serveDataset } from '../../../main/services/runs/window-data.ts'
import { mlpSpec } from '../../main/services/runs/run-fixtures.ts'

const ORIGIN = 'http://localhost:9/'
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }

/** plays main in the page: posts the port as the preload would, answers data requests, keeps every event */
const HARNESS = `
const { port1, port2 } = new MessageChannel()
let closed = false
window.close = () => { closed = true }
const plain = (m) => JSON.parse(JSON.stringify(m, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)))
const split = (s) => s && { ...s, x: Float32Array.from(s.x), labels: Int32Array.from(s.labels) }
globalThis.harness = {
  run: (job, replies) => new Promise((done) => {
    const events = []
    port1.onmessage = (e) => {
      const m = e.data
      if (m.type === 'data') {
        const r = replies[m.epoch]
        port1.postMessage(r.error ? r : { ...r, train: split(r.train), validation: split(r.validation) })
        return
      }
      events.push(plain(m))
      if (m.type === 'done' || m.type === 'failed' || m.type === 'stopped') setTimeout(() => done({ events, closed }), 50)
    }
    window.postMessage('receptive:engine-port', '*', [port2])
    port1.postMessage({ v: 1, type: 'start', job })
  }),
}`

const plain = (m: unknown) => JSON.parse(JSON.stringify(m, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)))

const dataset = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes', count: 150 },
  split: { validation: 0.2, seed: 3 }, augmentation: { flip: { p: 0.5 } }, augmentationSeed: 2 }
const jobOn = (backend: 'cpu' | 'webgpu') => ({ runId: 4, spec: mlpSpec, dataset, seed: 7, backend, resume: null,
  hyper: { epochs: 2, batchSize: 30, optimizer: { kind: 'adam' as const, lr: 0.01 }, reportEvery: 2 } })

/** the job run by a Node host on the CPU, and what main's window-data.ts sends for each epoch a page asks for */
async function nodeRun() {
  const nodeEvents: HostMessage[] = []
  let toNode!: (raw: unknown) => void
  const channel: HostChannel<unknown> = { send: async (m) => void nodeEvents.push(m as HostMessage), onMessage: (l) => (toNode = l) }
  const nodeDone = serveJob(channel, trainJobWith(openNodeData))
  toNode({ v: 1, type: 'start', job: jobOn('cpu') })
  expect(await nodeDone).toBe(0)
  const serve = serveDataset(dataset)
  const replies: Record<number, unknown> = {}
  for (const epoch of [1, 2]) replies[epoch] = plain(await serve({ type: 'data', epoch }))
  return { want: nodeEvents.map(plain) as HostMessage[], replies }
}

/** runs `job` in a fresh page holding window-entry.ts, answering its data requests with `replies` */
async function runInPage(job: unknown, replies: Record<number, unknown>) {
  const entry = await build({
    entryPoints: [resolve(import.meta.dirname, '../../../engine/host/window-entry.ts')], bundle: true, format: 'esm',
    platform: 'browser', write: false, external: ['webgpu', 'node:*'], logLevel: 'silent',
  })
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(`${ORIGIN}**`, (route) => {
    const url = route.request().url()
    if (url.endsWith('/entry.js')) return route.fulfill({ contentType: 'text/javascript', headers: isolated, body: entry.outputFiles[0].text })
    if (url.endsWith('/harness.js')) return route.fulfill({ contentType: 'text/javascript', headers: isolated, body: HARNESS })
    return route.fulfill({ contentType: 'text/html', headers: isolated,
      body: '<!doctype html><script type="module" src="/harness.js"></script><script type="module" src="/entry.js"></script>' })
  })
  await page.goto(ORIGIN)
  await page.waitForFunction(() => 'harness' in globalThis)
  const got = await page.evaluate(([j, r]) => (globalThis as unknown as { harness: { run(j: unknown, r: unknown): Promise<{ events: HostMessage[]; closed: boolean }> } }).harness.run(j, r), [job, replies] as const)
  await page.close()
  return { got, errors }
}

let browser: Awaited<ReturnType<typeof chromium.launch>>
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-webgpu'] })
})
afterAll(async () => browser?.close())

describe('the window host page', () => {
  it('trains a job on the data main sends and reports what a Node host reports', async () => {
    const { want, replies } = await nodeRun()
    const { got, errors } = await runInPage(jobOn('cpu'), replies)

    expect(errors).toEqual([])
    expect(got.closed).toBe(true)
    expect(got.events.map((e) => e.type)).toEqual(want.map((e) => e.type))
    expect(got.events.at(-1)).toMatchObject({ type: 'done', step: 8, epoch: 2 })
    for (const [i, e] of got.events.entries()) {
      const w = want[i]
      if (e.type === 'progress' && w.type === 'progress') {
        expect(e.loss).toBeCloseTo(w.loss, 5)
        expect(e.accuracy).toBe(w.accuracy)
      }
      if (e.type === 'epoch' && w.type === 'epoch') {
        expect(e.train.loss).toBeCloseTo(w.train.loss, 5)
        expect(e.validation?.accuracy).toBe(w.validation?.accuracy)
      }
    }
    const weights = (m: HostMessage[]) => Object.values((m.filter((e) => e.type === 'checkpoint').at(-1) as unknown as { weights: Record<string, { data: number[] }> }).weights)
    const diff = weights(got.events).flatMap((t, k) => t.data.map((v, j) => Math.abs(v - weights(want)[k].data[j])))
    expect(Math.max(...diff)).toBeLessThan(1e-5)
  }, 60_000)

  it('trains the same job on Chromium\'s WebGPU (SwiftShader here) to the CPU\'s losses within 1e-3', async () => {
    const { want, replies } = await nodeRun()
    const { got, errors } = await runInPage(jobOn('webgpu'), replies)
    expect(errors).toEqual([])
    // no adapter is a failure, not a skip: Chromium with --enable-unsafe-webgpu has SwiftShader
    expect(got.events.find((e) => e.type === 'failed')).toBeUndefined()
    const started = got.events.find((e) => e.type === 'started')
    expect(started).toMatchObject({ type: 'started', backend: 'webgpu' })
    expect(started?.type === 'started' && started.adapter).toBeTruthy()
    const losses = (m: HostMessage[]) => m.flatMap((e) => (e.type === 'progress' ? [e.loss] : []))
    expect(losses(got.events)).toHaveLength(8)
    for (const [i, l] of losses(got.events).entries()) expect(Math.abs(l - losses(want)[i])).toBeLessThan(1e-3)
  }, 120_000)
})
