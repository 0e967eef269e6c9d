// The Inspect view's state: the project's runs, the one being inspected and its snapshot steps. It
// follows run.progress, so a run that trains while the view is open gains its snapshots (and a first
// checkpoint, which feature maps need) without a reload. Filter sets are fetched per step and kept, so
// moving the snapshot slider back and forth redraws at once.

import type { Api, FilterSetWire, InspectSnapshots, RunSummary } from '../../preload/contract.ts'

export class InspectState {
  runs = $state.raw<RunSummary[]>([])
  runId = $state<number | null>(null)
  snapshots = $state.raw<InspectSnapshots | null>(null)
  error = $state<string | null>(null)
  /** bumped whenever the inspected run's record grows (new snapshots, a new checkpoint) */
  revision = $state(0)
  // caches, never shown: no reactivity wanted
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly filterCache = new Map<string, Promise<FilterSetWire[]>>()
  /** per run, the epoch and status last seen */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly seen = new Map<number, string>()

  constructor(readonly api: Api) {}

  connect(): () => void {
    void this.refresh()
    const off = [
      this.api.on('run.progress', (s) => {
        // a new epoch or status means new snapshots or a checkpoint; steps in between change nothing here
        const now = `${s.epoch}/${s.status}`
        if (this.seen.get(s.runId) === now) return
        this.seen.set(s.runId, now)
        void this.refresh()
      }),
      this.api.on('project.changed', () => {
        this.runId = null
        this.snapshots = null
        this.filterCache.clear()
        this.seen.clear()
        void this.refresh()
      }),
    ]
    return () => off.forEach((f) => f())
  }

  async refresh(): Promise<void> {
    try {
      this.runs = await this.api.invoke('runs.list')
      if (this.runId === null || !this.runs.some((r) => r.id === this.runId)) this.runId = this.runs.at(-1)?.id ?? null
      await this.loadSnapshots()
    } catch (e) {
      this.error = (e as Error).message
    }
  }

  select(runId: number): void {
    this.runId = runId
    this.snapshots = null
    void this.loadSnapshots()
  }

  /** every filter layer at a snapshot step (an unshared layer at `position` when given for it) */
  filters(step: number, positions: Record<string, number[]> = {}): Promise<FilterSetWire[]> {
    const runId = this.runId
    if (runId === null) return Promise.resolve([])
    const key = `${runId}/${step}/${JSON.stringify(positions)}`
    let found = this.filterCache.get(key)
    if (!found) {
      found = this.api.invoke('inspect.filters', { runId, step }).then((sets) => Promise.all(sets.map((s) =>
        positions[s.node] ? this.api.invoke('inspect.filters', { runId, step, node: s.node, position: positions[s.node] }).then((r) => r[0]) : s)))
      found.catch(() => this.filterCache.delete(key))
      this.filterCache.set(key, found)
    }
    return found
  }

  private async loadSnapshots(): Promise<void> {
    const runId = this.runId
    if (runId === null) return
    const snapshots = await this.api.invoke('inspect.snapshots', { runId })
    if (runId !== this.runId) return
    const grew = snapshots.steps.length !== this.snapshots?.steps.length
    this.snapshots = snapshots
    this.error = null
    if (grew) this.revision++
  }
}
