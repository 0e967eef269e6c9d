// Splits one float32 gemm call between this thread and the pool's workers: by batch items when there are enough
// (and items write disjoint C), else by columns in whole tiles. Only calls big enough to repay waking a worker are
// split, and only over shared memory. Every element is summed in the same order either way, so results do not
// depend on the split.
import { gemmBlocked, type GemmPart } from './gemm-blocked.ts'
import type { GemmArgs } from './gemm.ts'
import { isShared, poolSize, runShared, startThreadPool } from './thread-pool.ts'
import { KernelInstance, NR } from './wasm/kernel-instance.ts'

/** multiply-adds below which one thread is faster than waking another (about 50 µs of work) */
const MIN_SPLIT = 1 << 20

/** the shares for `threads` threads, or null when the call is not worth splitting */
export function planParts(g: GemmArgs, threads: number): GemmPart[] | null {
  const { batch, m, n, k } = g
  if (threads < 2 || batch * m * n * Math.max(k, 1) < MIN_SPLIT) return null
  const cut = (len: number, t: number, unit: number): number => Math.min(len, Math.round((len * t) / threads / unit) * unit)
  const disjointItems = batch > 1 && (g.strideC ?? m * n) >= m * n
  if (disjointItems && batch >= threads) {
    return Array.from({ length: threads }, (_, t) => ({ itemStart: cut(batch, t, 1), itemEnd: cut(batch, t + 1, 1), colStart: 0, colEnd: n }))
  }
  if (n < threads * NR) return null
  return Array.from({ length: threads }, (_, t) => ({ itemStart: 0, itemEnd: batch, colStart: cut(n, t, NR), colEnd: t + 1 === threads ? n : cut(n, t + 1, NR) }))
}

/** computes g over the pool when that pays and returns true; false leaves the call to the caller */
export function gemmParallel(kern: KernelInstance, g: GemmArgs): boolean {
  if (poolSize() === 0) {
    if (g.batch * g.m * g.n * g.k >= MIN_SPLIT) void startThreadPool() // for the next big call
    return false
  }
  if (!isShared(g.a) || !isShared(g.b) || !isShared(g.c)) return false
  const parts = planParts(g, poolSize() + 1)?.filter((p) => p.itemEnd > p.itemStart && p.colEnd > p.colStart)
  if (!parts || parts.length < 2) return false
  const [mine, ...theirs] = parts.map((part) => ({ args: g, part }))
  runShared(theirs, mine, (job) => gemmBlocked(kern, job.args, job.part))
  return true
}
