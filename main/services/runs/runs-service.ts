// Runs for whichever project is open: one run manager per project store, made when first needed and shut
// down (its runs recorded as interrupted, resumable later) when another project becomes the open one.
// `updates$` carries every manager's runs (an old one's until its last state), so the UI's stream
// survives a change of project.

import { mergeMap, ReplaySubject, type Observable } from 'rxjs'
import type { ProjectStore } from '../../store/index.ts'
import type { SpawnHost } from './engine-host.ts'
import { RunManager, type ManagerOptions } from './run-manager.ts'
import type { RunState } from './run-state.ts'

export class RunsService {
  private current: RunManager | null = null
  private store: ProjectStore | null = null
  private readonly managers$ = new ReplaySubject<RunManager>(1)
  /** the throttled state of every run the open project's manager trains */
  readonly updates$: Observable<RunState> = this.managers$.pipe(mergeMap(m => m.updates$))

  constructor(
    private readonly currentStore: () => ProjectStore,
    private readonly spawn: SpawnHost,
    private readonly options: ManagerOptions = {},
  ) {}

  /** the open project's run manager */
  get manager(): RunManager {
    const store = this.currentStore()
    if (store !== this.store || !this.current) {
      this.current?.shutdown()
      this.store = store
      this.current = new RunManager(store, this.spawn, this.options)
      this.managers$.next(this.current)
    }
    return this.current
  }

  /** call when the open project changes (or before its store closes): ends the old project's hosts now */
  projectChanged(): void {
    if (this.current && this.store !== this.currentStore()) void this.manager
  }

  /** ends every host (app quit) */
  shutdown(): void {
    this.current?.shutdown()
    this.current = null
    this.store = null
    this.managers$.complete()
  }
}
