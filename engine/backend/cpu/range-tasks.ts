// The loops a worker runs for a split kernel call (split-ranges.ts), by task name: the worker imports the
// kernel modules themselves, so a share runs exactly the code the caller's thread would.
import { binaryRange, unaryRange, type BinaryParams, type UnaryParams } from '../../kernels/elementwise.ts'
import { foldPlanes } from '../../kernels/fold.ts'
import { poolGradPlanes, poolPlanes, type PoolParams } from '../../kernels/pool.ts'
import { unfoldPlanes, type UnfoldParams } from '../../kernels/unfold.ts'
import type { RangeJob, RangeTask } from './split-ranges.ts'

const tasks: Record<RangeTask, (j: RangeJob) => void> = {
  unfold: (j) => unfoldPlanes(j.inputs[0], j.outputs[0], j.params as UnfoldParams, j.begin, j.end),
  fold: (j) => foldPlanes(j.inputs[0], j.outputs[0], j.params as UnfoldParams, j.begin, j.end),
  pool: (j) => poolPlanes(j.inputs, j.outputs, j.params as PoolParams, j.begin, j.end),
  'pool-grad': (j) => poolGradPlanes(j.inputs, j.outputs, j.params as PoolParams, j.begin, j.end),
  unary: (j) => unaryRange(j.inputs, j.outputs, j.params as UnaryParams, j.begin, j.end),
  binary: (j) => binaryRange(j.inputs, j.outputs, j.params as BinaryParams, j.begin, j.end),
}

export const runRangeJob = (job: RangeJob): void => tasks[job.task](job)
