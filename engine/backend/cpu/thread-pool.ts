// Worker threads that share the CPU backend's SharedArrayBuffers, so one big kernel call can be split across cores.
// The caller posts each worker its share, computes its own, then takes back any share no worker has started (on a
// busy machine a sleeping worker can wait long for a core) and blocks on Atomics.wait for the rest, so kernels stay
// synchronous. Node only (loaded lazily, so browsers never see node: imports); where it cannot start,
// poolSize() stays 0 and callers run everything on their own thread.
import type { MessagePort, Worker } from 'node:worker_threads'
import { bestVariant } from './wasm/kernel-instance.ts'

/** control words shared with each worker: the caller bumps SEQ to post job SEQ; whoever moves CLAIM from SEQ − 1 to
 *  SEQ (worker or caller, exactly one) computes it; the worker echoes every job it has passed in DONE */
export const SEQ = 0, DONE = 1, FAILED = 2, CLAIM = 3

interface Slot { worker: Worker; port: MessagePort; ctrl: Int32Array; seq: number }

let slots: Slot[] = []
let starting: Promise<number> | null = null
let receive: ((port: MessagePort) => { message: unknown } | undefined) | null = null

/** workers ready to take a share (0 until startThreadPool has finished, and where threads are unavailable) */
export function poolSize(): number {
  return slots.length
}

/** whether an array lives on shared memory, so a worker's writes to it are seen here */
export const isShared = (x: { buffer: ArrayBufferLike }): boolean =>
  typeof SharedArrayBuffer !== 'undefined' && x.buffer instanceof SharedArrayBuffer

const isNode = (): boolean => typeof process !== 'undefined' && !!process.versions?.node

/** starts `threads − 1` workers (default: one per extra core); resolves to how many came up, 0 on failure */
export function startThreadPool(threads?: number): Promise<number> {
  starting ??= (isNode() && typeof SharedArrayBuffer !== 'undefined' ? spawnAll(threads) : Promise.resolve(0)).catch(() => 0)
  return starting
}

async function spawnAll(threads?: number): Promise<number> {
  const wt = await import('node:worker_threads')
  const os = await import('node:os')
  receive = wt.receiveMessageOnPort
  const count = Math.max(0, Math.min(threads ?? os.availableParallelism(), 8) - 1)
  const started = await Promise.all(Array.from({ length: count }, () => spawn(wt).catch(() => null)))
  slots = started.filter((s): s is Slot => s !== null)
  return slots.length
}

async function spawn(wt: typeof import('node:worker_threads')): Promise<Slot> {
  const { port1, port2 } = new wt.MessageChannel()
  const ctrl = new Int32Array(new SharedArrayBuffer(16))
  // the caller's kernel variant, so a split call sums exactly as one thread would
  const workerData = { ctrl, port: port2, variant: bestVariant() }
  const options = { workerData, transferList: [port2] }
  // from source (tests, tsx) the .ts entry needs tsx's loader registered inside the worker first
  const fromSource = import.meta.url.endsWith('.ts')
  const entry = new URL(`./gemm-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href
  const worker = fromSource ? new wt.Worker(tsxBoot(entry), { ...options, eval: true }) : new wt.Worker(new URL(entry), options)
  worker.unref()
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', () => reject(new Error('gemm worker exited before it was ready')))
  })
  return { worker, port: port1, ctrl, seq: 0 }
}

function tsxBoot(entry: string): string {
  // resolved here, next to this file (an eval'd worker has no location); vitest's loader may lack import.meta.resolve
  const api = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api'
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`
}

/** runs `local` here and jobs[i] on worker i (structured-cloned: typed arrays on shared memory stay shared), or
 *  here too when that worker has not started it; returns once every job is done and rethrows a worker's failure */
export function runShared<J>(jobs: J[], local: J, run: (job: J) => void): void {
  const used = slots.slice(0, jobs.length)
  used.forEach((s, i) => {
    s.port.postMessage(jobs[i])
    s.seq = (s.seq + 1) | 0
    Atomics.store(s.ctrl, SEQ, s.seq)
    Atomics.notify(s.ctrl, SEQ)
  })
  run(local)
  const failures: string[] = []
  used.forEach((s, i) => {
    if (Atomics.compareExchange(s.ctrl, CLAIM, (s.seq - 1) | 0, s.seq) === ((s.seq - 1) | 0)) return run(jobs[i])
    for (let d = Atomics.load(s.ctrl, DONE); d !== s.seq; d = Atomics.load(s.ctrl, DONE)) Atomics.wait(s.ctrl, DONE, d)
    if (Atomics.exchange(s.ctrl, FAILED, 0)) failures.push(failureOf(s.port))
  })
  if (failures.length) throw new Error(`gemm worker failed: ${failures.join('; ')}`)
}

/** the message a failed worker posted (it may land a moment after DONE) */
function failureOf(port: MessagePort): string {
  for (let tries = 0; tries < 100_000; tries++) {
    const got = receive?.(port)
    if (got) return String(got.message)
  }
  return 'no message'
}
