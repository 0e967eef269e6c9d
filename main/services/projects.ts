// The open project, behind the contract's project.* and graph.* calls. One ProjectStore is open at a
// time. A new project lives in an untitled file in the settings folder until Save As gives it a name
// (the store writes through, so autosave needs no "dirty" state); the untitled file is removed when
// another project replaces it. Opening or saving that fails leaves the current project as it was.
// Untitled files left by a Receptive that did not close are found on start and offered back (project-recovery.ts).
import { existsSync, mkdirSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { Graph, type GraphSave, type OpenGraph, type ProjectInfo, type RecoverableProject } from '../../preload/contract.ts'
import { PROJECT_EXTENSION, ProjectStore, RecentProjects } from '../store/index.ts'
import { claimLeftover, findRecoverable, removeUntitled } from './project-recovery.ts'
import { newUntitledPath } from './project-recovery-owner.ts'
import { starterGraph } from './starter-graph.ts'

export interface ProjectServiceOptions {
  appVersion: string
  /** holds the recent list and untitled projects */
  settingsDir: string
  /** relative paths from the renderer are taken from here */
  cwd: string
  /** told after another project became the open one, before the one open until then is closed */
  onChange?: (info: ProjectInfo) => void
}

const UNTITLED = 'Untitled'
let openCount = 0

/** the project's display name: its file name without the extension */
export function projectInfo(path: string | null): ProjectInfo {
  if (!path) return { name: UNTITLED, path: null }
  return { name: basename(path, extname(path)), path }
}

export class ProjectService {
  private store: ProjectStore
  private untitled: boolean
  private openId = `${process.pid}-${++openCount}`
  private readonly recentList: RecentProjects

  /** opens `path`, or a new untitled project when it is null */
  constructor(private readonly opts: ProjectServiceOptions, path: string | null = null) {
    this.recentList = new RecentProjects(opts.settingsDir)
    findRecoverable(this.untitledDir) // deletes the empty leftovers of earlier sessions now
    const full = path === null ? null : this.resolvePath(path)
    this.store = full === null ? this.createUntitled() : ProjectStore.open(full)
    this.untitled = full === null
    if (full !== null) this.recentList.add(full)
  }

  /** opens `path`; if it is refused, says why and starts with a new untitled project instead */
  static openOrNew(opts: ProjectServiceOptions, path: string | null, refused: (message: string) => void): ProjectService {
    try {
      return new ProjectService(opts, path)
    } catch (err) {
      refused(err instanceof Error ? err.message : String(err))
      return new ProjectService(opts, null)
    }
  }

  /** the open project's store (runs and datasets services read and write through it) */
  get current(): ProjectStore { return this.store }

  info(): ProjectInfo { return projectInfo(this.untitled ? null : this.store.path) }

  newProject(): ProjectInfo {
    return this.replace(this.createUntitled(), true)
  }

  /** untitled projects left by sessions that ended without closing them, holding work, newest first */
  recoverable(): RecoverableProject[] { return findRecoverable(this.untitledDir) }

  /** opens a leftover as the current project; it stays untitled (and this process now holds it) */
  recover(path: string): ProjectInfo {
    return this.replace(ProjectStore.open(claimLeftover(this.untitledDir, resolve(path))), true)
  }

  /** deletes a leftover */
  discardRecoverable(path: string): void {
    removeUntitled(claimLeftover(this.untitledDir, resolve(path)))
  }

  open(path: string): ProjectInfo {
    const full = this.resolvePath(path)
    if (!this.untitled && full === this.store.path) return this.info()
    const info = this.replace(ProjectStore.open(full), false)
    this.recentList.add(full)
    return info
  }

  save(): ProjectInfo {
    if (this.untitled) throw new Error(`"${UNTITLED}" has no file yet: give it one with Save As.`)
    return this.info() // every change is already written through; nothing is held back in memory
  }

  async saveAs(path: string, overwrite = false): Promise<ProjectInfo> {
    let full = this.resolvePath(path)
    if (extname(full) !== PROJECT_EXTENSION) full += PROJECT_EXTENSION
    if (!overwrite && existsSync(full)) throw new Error(`"${basename(full)}" already exists; choose another name or allow overwriting it.`)
    await this.store.saveAs(full)
    const info = this.replace(ProjectStore.open(full), false)
    this.recentList.add(full)
    return info
  }

  recent(): ProjectInfo[] { return this.recentList.list().map(projectInfo) }

  /** the open project's graph and the project's id; a project without a graph gets an empty one */
  graph(): OpenGraph {
    const record = this.store.graph.get()
    if (!record) return { spec: { format: 'receptive.graph/1', nodes: [], output: '' }, layout: {}, project: this.openId }
    const checked = Graph.safeParse({ spec: record.spec, layout: record.layout })
    if (!checked.success) throw new Error(`the graph stored in "${basename(this.store.path)}" is damaged: ${checked.error.issues[0].message}`)
    return { ...checked.data, project: this.openId }
  }

  /** returns false when the graph was stored exactly so already; refuses a graph read from another project */
  saveGraph(graph: GraphSave): boolean {
    if (graph.project !== undefined && graph.project !== this.openId) {
      throw new Error('another project was opened since this graph was read; it was not saved')
    }
    return this.store.graph.put(graph.spec, graph.layout)
  }

  close(): void { drop(this.store, this.untitled) }

  private get untitledDir(): string { return join(this.opts.settingsDir, 'untitled') }

  private createUntitled(): ProjectStore {
    mkdirSync(this.untitledDir, { recursive: true })
    const store = ProjectStore.create(newUntitledPath(this.untitledDir), { name: UNTITLED, appVersion: this.opts.appVersion })
    const { spec, layout } = starterGraph()
    store.graph.put(spec, layout)
    return store
  }

  // the listener hears of the switch while the old store is still open, so services (runs) can finish
  // their work on it; only then is it closed
  private replace(next: ProjectStore, untitled: boolean): ProjectInfo {
    const old = { store: this.store, untitled: this.untitled }
    this.store = next
    this.untitled = untitled
    this.openId = `${process.pid}-${++openCount}`
    const info = this.info()
    try {
      this.opts.onChange?.(info)
    } finally {
      drop(old.store, old.untitled)
    }
    return info
  }

  private resolvePath(path: string): string { return resolve(this.opts.cwd, path) }
}

// closes a store; an untitled one is thrown away with its file
function drop(store: ProjectStore, untitled: boolean): void {
  store.close()
  if (untitled) removeUntitled(store.path)
}
