// The one job table of the engine hosts: every kind of work main hands to a separate process, by name.
// The Node entry (utility process or child process) picks the kind from its command line; each job
// serves its own messages over the channel and resolves with the process exit code when it is done.

import { serveDataJob } from './dataset-jobs.ts'
import { serveEvaluation } from './evaluate-job.ts'
import { serveJob, type HostChannel } from './host-session.ts'
import { serveInspection } from './inspect-jobs.ts'
import { openNodeData } from './node-data.ts'
import { trainJobWith } from './train-job.ts'

export const HOST_JOBS = {
  /** one training run: a stream of events, pause/resume/stop */
  train: (c: HostChannel<unknown>) => serveJob(c, trainJobWith(openNodeData)),
  /** numbered feature-map and maximisation requests until main lets the host go */
  inspect: serveInspection,
  /** one finished run's evaluation, answered once */
  evaluate: serveEvaluation,
  /** one dataset import or preview, with progress */
  dataset: serveDataJob,
} satisfies Record<string, (channel: HostChannel<unknown>) => Promise<number>>

export type HostKind = keyof typeof HOST_JOBS
export const HOST_KINDS = Object.keys(HOST_JOBS) as HostKind[]

/** the job kind named by a `--job=KIND` argument (training when there is none) */
export function hostKindOf(argv: readonly string[]): HostKind {
  const named = argv.find(a => a.startsWith('--job='))?.slice('--job='.length) ?? 'train'
  if (!(HOST_KINDS as string[]).includes(named)) throw new Error(`unknown engine host job '${named}' (known: ${HOST_KINDS.join(', ')})`)
  return named as HostKind
}
