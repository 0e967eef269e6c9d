// Main's run manager: starts one engine host per run (at most `maxConcurrent` at once, the rest queued),
// sends it the job, checks and records every message it sends back, and republishes each run's state with
// RxJS (throttled for the UI, replaying the latest state to a late subscriber). A host that dies or talks
// nonsense leaves its run `failed` with the reason; a resume starts a new host from the last checkpoint.

import { availableParallelism } from 'node:os'
import { asyncScheduler, BehaviorSubject, defer, from, merge, mergeMap, of, Subject, throttleTime, type Observable } from 'rxjs'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import { requireValid } from '../../../engine/graph/infer.ts'
import { hyperSchema, type HyperInput, type JobInput } from '../../../engine/host/job.ts'
import { parseHostMessage, PROTOCOL_VERSION, type HostMessage } from '../../../engine/host/protocol.ts'
import { StoreError, type Backend, type ProjectStore, type RunStatus, type RunSummary } from '../../store/index.ts'
import { describeExit, type EngineHost, type HostExit, type SpawnHost } from './engine-host.ts'
import { resolveBackend } from './resolve-backend.ts'
import { RunRecorder, type RecorderOptions } from './run-recorder.ts'
import { nextState, stateFromRecord, type RunState } from './run-state.ts'

export interface StartRequest {
  name: string
  spec: unknown
  hyper: HyperInput
  /** the dataset spec (receptive.dataset/1) */
  dataset: unknown
  backend: Backend | 'auto'
  /** random when absent */
  seed?: number
}

/** the backend a run gets, and the adapter's name for WebGPU */
export type ResolveBackend = (wanted: Backend | 'auto') => Promise<{ backend: Backend; adapter: string | null }>

export interface ManagerOptions {
  /** hosts training at once; one per core by default */
  maxConcurrent?: number
  /** shortest interval between two states of one run on progress$ (ms) */
  throttleMs?: number
  /** how long a stopped host may take to finish its step before it is killed (ms) */
  stopGraceMs?: number
  recorder?: RecorderOptions
  resolveBackend?: ResolveBackend
}

interface Active {
  runId: number
  job: JobInput
  host: EngineHost | null
  seq: number
  state$: BehaviorSubject<RunState>
  stopping: NodeJS.Timeout | null
  ended: boolean
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))
const RESUMABLE: readonly RunStatus[] = ['interrupted', 'failed', 'stopped']

export class RunManager {
  private readonly active = new Map<number, Active>()
  private readonly queue: Active[] = []
  private readonly ended = new Map<number, RunState>()
  private readonly recorder: RunRecorder
  private readonly launched$ = new Subject<number>()
  private readonly maxConcurrent: number
  private readonly throttleMs: number
  private readonly stopGraceMs: number
  private readonly resolveBackend: ResolveBackend
  /** the throttled state of every run this manager trains; completes after shutdown */
  readonly updates$: Observable<RunState>

  constructor(private readonly store: ProjectStore, private readonly spawn: SpawnHost, options: ManagerOptions = {}) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? availableParallelism())
    this.throttleMs = options.throttleMs ?? 50
    this.stopGraceMs = options.stopGraceMs ?? 10_000
    this.resolveBackend = options.resolveBackend ?? resolveBackend
    this.recorder = new RunRecorder(store, options.recorder)
    // a subscriber gets the runs already training as well as those started later
    this.updates$ = defer(() => merge(from([...this.active.keys()]), this.launched$)).pipe(mergeMap(id => this.progress$(id)))
  }

  /** records a new run and starts (or queues) it; invalid graphs, settings and datasets are refused here */
  async start(req: StartRequest): Promise<number> {
    requireValid(req.spec)
    const hyper = hyperSchema.parse(req.hyper)
    const dataset = parseDatasetSpec(req.dataset)
    const { backend, adapter } = await this.resolveBackend(req.backend)
    const seed = req.seed ?? Math.floor(Math.random() * 2 ** 31)
    const runId = this.store.runs.create({ name: req.name, spec: req.spec, hyper, dataset, backend, adapter, seed })
    this.enqueue({ runId, spec: req.spec, hyper, dataset, seed, backend, resume: null })
    return runId
  }

  /** continues an interrupted, failed or stopped run from its last checkpoint (from the start without one) */
  resume(runId: number): void {
    const run = this.store.runs.get(runId)
    if (!run) throw new StoreError('bad-request', `there is no run ${runId}`)
    if (this.active.has(runId)) throw new StoreError('bad-request', `run ${runId} is already ${run.status}`)
    if (!RESUMABLE.includes(run.status)) throw new StoreError('bad-request', `run ${runId} is ${run.status} and cannot be resumed`)
    const cp = this.store.checkpoints.latest(runId)
    const resume = cp && { step: cp.step, epoch: cp.epoch, state: cp.state, weights: cp.weights, optimizer: cp.optimizer }
    this.enqueue({ runId, spec: run.spec, hyper: hyperSchema.parse(run.hyper), dataset: run.dataset, seed: run.seed,
      backend: run.backend, resume })
  }

  pause(runId: number): void { this.hostOf(runId).send({ v: PROTOCOL_VERSION, type: 'pause' }) }

  /** lets a paused run go on (in the same host; see resume for a new one) */
  continue(runId: number): void { this.hostOf(runId).send({ v: PROTOCOL_VERSION, type: 'resume' }) }

  /** ends a run after its current step; a queued run is simply dropped from the queue */
  stop(runId: number): void {
    const a = this.active.get(runId)
    if (!a) throw new StoreError('bad-request', `run ${runId} is not training`)
    if (!a.host) {
      this.queue.splice(this.queue.indexOf(a), 1)
      this.end(a, 'stopped', null)
      return
    }
    a.host.send({ v: PROTOCOL_VERSION, type: 'stop' })
    a.stopping ??= setTimeout(() => a.host?.kill(), this.stopGraceMs)
  }

  list(): RunSummary[] { return this.store.runs.list() }

  /** ids of the runs with a host now */
  running(): number[] { return [...this.active.values()].filter(a => a.host).map(a => a.runId) }

  /** the process id of a run's host, for logs keyed by pid (RELIABILITY.md C9) */
  pid(runId: number): number | undefined { return this.active.get(runId)?.host?.pid }

  /** the run's state now and as it changes, at most one value per throttle interval; completes when the run ends */
  progress$(runId: number): Observable<RunState> {
    const a = this.active.get(runId)
    if (a) return a.state$.pipe(throttleTime(this.throttleMs, asyncScheduler, { leading: true, trailing: true }))
    const known = this.ended.get(runId)
    if (known) return of(known)
    const run = this.store.runs.get(runId)
    if (!run) throw new StoreError('bad-request', `there is no run ${runId}`)
    return of(stateFromRecord(run))
  }

  /** ends every host (app quit): their runs are recorded as interrupted, to be resumed later */
  shutdown(): void {
    for (const a of [...this.active.values()]) {
      a.host?.kill()
      this.end(a, 'interrupted', 'Receptive was closed while this run was training')
    }
    this.launched$.complete()
  }

  private hostOf(runId: number): EngineHost {
    const host = this.active.get(runId)?.host
    if (!host) throw new StoreError('bad-request', `run ${runId} is not training`)
    return host
  }

  private enqueue(job: JobInput): void {
    const run = this.store.runs.get(job.runId)!
    const a: Active = { runId: job.runId, job, host: null, seq: 0, state$: new BehaviorSubject(stateFromRecord(run)), stopping: null, ended: false }
    this.active.set(job.runId, a)
    this.ended.delete(job.runId)
    this.queue.push(a)
    this.launched$.next(job.runId)
    this.launchQueued()
  }

  private launchQueued(): void {
    while (this.queue.length && this.running().length < this.maxConcurrent) this.launch(this.queue.shift()!)
  }

  private launch(a: Active): void {
    try {
      this.store.runs.setStatus(a.runId, 'running')
      a.state$.next({ ...a.state$.value, status: 'running', error: null })
      const host = this.spawn(a.runId, a.job.backend)
      a.host = host
      host.onMessage(raw => this.onMessage(a, raw))
      host.onExit(exit => this.onExit(a, exit))
      host.send({ v: PROTOCOL_VERSION, type: 'start', job: a.job })
    } catch (err) {
      this.end(a, 'failed', `The engine host could not be started: ${message(err)}`)
    }
  }

  private onMessage(a: Active, raw: unknown): void {
    if (a.ended) return
    try {
      this.handle(a, raw)
    } catch (err) {
      // a malformed message, or one the project file would not take: this host cannot be trusted further
      a.host?.kill()
      this.end(a, 'failed', message(err))
    }
  }

  private handle(a: Active, raw: unknown): void {
    const m: HostMessage = parseHostMessage(raw)
    // runId 0: the host could not read its job, and says why in a `failed`
    if (m.runId !== a.runId && m.runId !== 0) throw new Error(`a message for run ${m.runId} came from the host of run ${a.runId}`)
    if (m.seq !== a.seq + 1) throw new Error(`message ${m.seq} from the engine host came after ${a.seq}`)
    a.seq = m.seq
    this.recorder.record(a.runId, m)
    if (m.type === 'paused' || m.type === 'resumed') this.store.runs.setStatus(a.runId, m.type === 'paused' ? 'paused' : 'running')
    a.state$.next(nextState(a.state$.value, m))
    if (m.type === 'done' || m.type === 'stopped') this.end(a, m.type, null)
    else if (m.type === 'failed') this.end(a, 'failed', m.error)
  }

  private onExit(a: Active, exit: HostExit): void {
    if (a.ended) return
    if (a.stopping) this.end(a, 'stopped', null)
    else this.end(a, 'failed', describeExit(exit))
  }

  /** records how the run ended, completes its stream and frees its slot */
  private end(a: Active, status: RunStatus, error: string | null): void {
    if (a.ended) return
    a.ended = true
    if (a.stopping) clearTimeout(a.stopping)
    try {
      this.recorder.flush()
      this.store.runs.setStatus(a.runId, status, error)
    } catch (err) {
      error = `${error ?? status}; and it could not be recorded: ${message(err)}`
    }
    const final = { ...a.state$.value, status, error }
    this.ended.set(a.runId, final)
    this.active.delete(a.runId)
    a.state$.next(final)
    a.state$.complete()
    this.launchQueued()
  }
}
