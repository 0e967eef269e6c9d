// A CPU worker thread (started by thread-pool.ts): waits on its control words, claims the share the caller posted
// (unless the caller took it back), computes it into shared memory (a gemm share with its own kernel instance, or
// a range of a split kernel call), and signals DONE.
// Never returns to its event loop, so jobs are read synchronously from the port.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { gemmBlocked, type GemmPart } from './gemm-blocked.ts'
import type { GemmArgs } from './gemm.ts'
import { runRangeJob } from './range-tasks.ts'
import type { RangeJob } from './split-ranges.ts'
import { CLAIM, DONE, FAILED, SEQ } from './thread-pool.ts'
import { KernelInstance, type KernelVariant } from './wasm/kernel-instance.ts'

const { ctrl, port, variant } = workerData as { ctrl: Int32Array; port: MessagePort; variant: KernelVariant | null }
const kernel = new KernelInstance(variant ?? 'simd')
parentPort?.postMessage('ready')

/** the job posted with this wake-up: the message can land a moment after the signal, so poll briefly for it */
type Job = { args: GemmArgs; part: GemmPart } | RangeJob

function nextJob(): Job {
  for (let tries = 0; ; tries++) {
    const got = receiveMessageOnPort(port)
    if (got) return got.message as Job
    if (tries > 1000) Atomics.wait(ctrl, FAILED, 0, 0.05) // nothing else waits on FAILED: a 50 µs sleep
  }
}

for (let seen = 0; ; ) {
  Atomics.wait(ctrl, SEQ, seen)
  // every job posted since the last wake-up, in order; a late worker finds the older ones taken by the caller
  for (const latest = Atomics.load(ctrl, SEQ); seen !== latest; ) {
    seen = (seen + 1) | 0
    const job = nextJob()
    if (Atomics.compareExchange(ctrl, CLAIM, (seen - 1) | 0, seen) === ((seen - 1) | 0)) {
      try {
        if ('task' in job) runRangeJob(job)
        else gemmBlocked(kernel, job.args, job.part)
      } catch (e) {
        Atomics.store(ctrl, FAILED, 1)
        port.postMessage(e instanceof Error ? e.message : String(e))
      }
    }
    Atomics.store(ctrl, DONE, seen)
    Atomics.notify(ctrl, DONE)
  }
}
