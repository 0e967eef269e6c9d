// Splits a kernel whose work falls into independent ranges (planes of unfold, fold and pooling; runs of
// elements) between this thread and the pool's workers. Each range is computed by the same loop whichever
// thread runs it, so results are bit-identical to one thread. Workers find the loop by task name in
// range-tasks.ts; only calls that touch enough memory to repay waking a worker are split.
import type { TypedArray } from '../backend.ts'
import { isShared, poolSize, runShared } from './thread-pool.ts'

export type RangeTask = 'unfold' | 'fold' | 'pool' | 'pool-grad' | 'unary' | 'binary'

/** one share of a split kernel call, as posted to a worker (typed arrays on shared memory stay shared) */
export interface RangeJob { task: RangeTask; inputs: TypedArray[]; outputs: TypedArray[]; params: unknown; begin: number; end: number }

/** elements touched below which one thread is faster than waking another (tens of µs of work) */
export const MIN_SPLIT = 1 << 16
/** the same for loops that only stream memory (elementwise): a second thread gains nothing below about 1M
 *  elements here and only 10–15% above, since one thread nearly saturates the memory bandwidth */
export const MIN_SPLIT_STREAMING = 1 << 20

/** the shares [begin, end) of ranges 0…count−1 for `threads` threads, or null when the call is not worth splitting */
export function planRanges(count: number, work: number, threads: number, minSplit = MIN_SPLIT): [number, number][] | null {
  const t = Math.min(threads, count)
  if (t < 2 || work < minSplit) return null
  return Array.from({ length: t }, (_, i) => [Math.round((count * i) / t), Math.round((count * (i + 1)) / t)])
}

/**
 * runs ranges 0…count−1 of a kernel call: `run(begin, end)` here for this thread's share (and any share a
 * worker has not started), the rest on workers as `task`; `work` is the elements the whole call touches
 */
export function splitRanges(
  task: RangeTask, inputs: TypedArray[], outputs: TypedArray[], params: unknown,
  count: number, work: number, run: (begin: number, end: number) => void, minSplit = MIN_SPLIT,
): void {
  const ok = poolSize() > 0 && inputs.every(isShared) && outputs.every(isShared)
  const plan = ok ? planRanges(count, work, poolSize() + 1, minSplit) : null
  if (!plan) return run(0, count)
  const [mine, ...theirs] = plan.map(([begin, end]): RangeJob => ({ task, inputs, outputs, params, begin, end }))
  runShared(theirs, mine, (job) => run(job.begin, job.end))
}
