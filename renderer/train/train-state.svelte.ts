// The Train view's state: the project's runs, the live state of those training, each shown run's curves,
// which run the dashboard follows and which runs are picked for comparison. It listens to run.progress
// (at most 20 states a second per run) and grows curves from it; every few seconds it fills the steps
// between those states from what the project recorded, and it rereads a run's curves when the run ends,
// so what is shown after the end is exactly what was recorded.

import type { ModelSpec } from '../../engine/graph/index.ts'
import type { Api, BuiltinDataset, RunStart, RunState, RunSummary, SavedDataset } from '../../preload/contract.ts'
import { appendLive, mergeSeries, unionCurves, type Curves } from './curves.ts'

/** what a run trained, as recorded */
export interface RunDetail { spec: ModelSpec; dataset: unknown; hyper: unknown }

const ACTIVE: readonly RunState['status'][] = ['queued', 'running', 'paused']
/** how often a training run's recorded steps are fetched (main commits them about once a second) */
const CATCH_UP_MS = 2000

export class TrainState {
  runs = $state.raw<RunSummary[]>([])
  datasets = $state.raw<BuiltinDataset[]>([])
  /** datasets saved in the project (the Data view imports them) */
  saved = $state.raw<SavedDataset[]>([])
  live = $state.raw<Record<number, RunState>>({})
  curves = $state.raw<Record<number, Curves>>({})
  /** the run the dashboard follows */
  focus = $state<number | null>(null)
  /** runs picked in the table for comparison */
  picked = $state.raw<number[]>([])
  /** what each run trained (graph, dataset, settings), fetched once: a run's record never changes */
  details = $state.raw<Record<number, RunDetail>>({})
  error = $state<string | null>(null)
  // bookkeeping, never shown: no reactivity wanted
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private loading = new Set<number>()
  /** per run, the last step whose records are in its curves */
  private recordedUpTo: Record<number, number> = {}

  constructor(private readonly api: Api) {}

  /** loads runs and datasets and follows run.progress; returns the function that stops following */
  connect(): () => void {
    void this.refresh()
    this.api.invoke('data.builtins').then((d) => (this.datasets = d), (e: Error) => (this.error = e.message))
    void this.refreshSaved()
    const off = [
      this.api.on('run.progress', (s) => this.onState(s)),
      // another project: nothing of the old one applies
      this.api.on('project.changed', () => {
        this.live = {}
        this.curves = {}
        this.recordedUpTo = {}
        this.focus = null
        this.picked = []
        void this.refresh()
        void this.refreshSaved()
      }),
    ]
    const timer = setInterval(() => {
      for (const [id, s] of Object.entries(this.live)) if (s.status === 'running' && this.curves[Number(id)]) void this.loadCurves(Number(id), 'new')
    }, CATCH_UP_MS)
    return () => {
      clearInterval(timer)
      off.forEach((f) => f())
    }
  }

  async refresh(): Promise<void> {
    try {
      this.runs = await this.api.invoke('runs.list')
      if (this.focus === null && this.runs.length) this.show(this.runs[this.runs.length - 1].id)
      for (const r of this.runs) if (ACTIVE.includes(r.status) && !this.live[r.id]) void this.follow(r.id)
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  /** rereads the project's saved datasets (the Data view may have saved one meanwhile) */
  async refreshSaved(): Promise<void> {
    try {
      this.saved = await this.api.invoke('data.list')
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  async start(request: RunStart): Promise<number> {
    const { runId } = await this.api.invoke('runs.start', request)
    this.curves = { ...this.curves, [runId]: {} }
    this.recordedUpTo[runId] = -1
    this.focus = runId
    await this.refresh()
    return runId
  }

  stop = (runId: number) => this.act(this.api.invoke('runs.stop', { runId }))
  pause = (runId: number) => this.act(this.api.invoke('runs.pause', { runId }))
  resume = (runId: number) => this.act(this.api.invoke('runs.resume', { runId }).then(() => this.refresh()))

  /** follows a run in the dashboard, loading its curves */
  show(runId: number): void {
    this.focus = runId
    void this.loadCurves(runId)
  }

  togglePick(runId: number): void {
    this.picked = this.picked.includes(runId) ? this.picked.filter((id) => id !== runId) : [...this.picked, runId]
    for (const id of this.picked) void this.loadCurves(id)
  }

  async loadDetail(runId: number): Promise<void> {
    if (this.details[runId]) return
    try {
      const d = await this.api.invoke('runs.detail', { runId })
      this.details = { ...this.details, [runId]: d }
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  run(runId: number | null): RunSummary | undefined {
    return this.runs.find((r) => r.id === runId)
  }

  private async act(p: Promise<unknown>): Promise<void> {
    try {
      await p
      this.error = null
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  private async follow(runId: number): Promise<void> {
    try {
      this.onState(await this.api.invoke('runs.state', { runId }))
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  /** reads a run's recorded curves: only when not loaded yet, 'all' again, or only the 'new' steps */
  private async loadCurves(runId: number, what: 'missing' | 'all' | 'new' = 'missing'): Promise<void> {
    const loaded = runId in this.recordedUpTo
    // a full read may overlap another read: merging is order-free, so both land
    if (what !== 'all' && (this.loading.has(runId) || (what === 'missing' && loaded) || (what === 'new' && !loaded))) return
    this.loading.add(runId)
    try {
      const afterStep = what === 'new' ? this.recordedUpTo[runId] : undefined
      const series = await this.api.invoke('runs.metrics', { runId, afterStep })
      for (const s of series) this.recordedUpTo[runId] = Math.max(this.recordedUpTo[runId] ?? -1, s.step.at(-1) ?? -1)
      this.recordedUpTo[runId] ??= -1
      // live points that arrived meanwhile are kept; the records fill the steps between them
      this.curves = { ...this.curves, [runId]: unionCurves(mergeSeries({}, series), this.curves[runId] ?? {}) }
    } catch (e) {
      this.error = (e as Error).message
    } finally {
      this.loading.delete(runId)
    }
  }

  private onState(s: RunState): void {
    const before = this.live[s.runId]
    this.live = { ...this.live, [s.runId]: s }
    if (this.curves[s.runId]) this.curves = { ...this.curves, [s.runId]: appendLive(this.curves[s.runId], s) }
    if (before?.status !== s.status) {
      void this.refresh()
      // the end of a run: show exactly what the project recorded
      if (!ACTIVE.includes(s.status)) void this.loadCurves(s.runId, 'all')
    }
  }
}
