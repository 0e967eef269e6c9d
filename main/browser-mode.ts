// Browser mode: main's services behind HTTP + WebSocket instead of Electron. Used by
// `npm run serve` (main/serve.ts) and the CLI's `serve`.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { contract } from '../preload/contract.ts'
import { ensureRendererBuilt } from './build-renderer.ts'
import { createDispatch } from './dispatch.ts'
import { createEventHub } from './events.ts'
import { createHandlers } from './handlers.ts'
import { makeToken } from './http/access.ts'
import { startBrowserServer, type BrowserServer } from './http/server.ts'
import { DatasetService } from './services/datasets.ts'
import { shareDataCache } from './services/datasets-cache.ts'
import { EvaluationService } from './services/evaluate.ts'
import { ProjectService } from './services/projects.ts'
import { forkSpawner } from './services/runs/fork-host.ts'
import { wireState } from './services/runs/run-wire.ts'
import { RunsService } from './services/runs/runs-service.ts'
import { settingsDir } from './settings-dir.ts'

export const repoRoot = resolve(import.meta.dirname, '..')

export interface BrowserModeOptions { port: number; project: string | null }

export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserServer> {
  const root = await ensureRendererBuilt(repoRoot)
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
  const hub = createEventHub(contract)
  const projects = new ProjectService({
    appVersion: version,
    settingsDir: settingsDir(),
    cwd: process.cwd(),
    onChange: (info) => {
      runs.projectChanged()
      hub.emit('project.changed', info)
    },
  }, opts.project)
  // training in child processes, one run manager per open project; every run's state goes to every tab
  const runs = new RunsService(() => projects.current, forkSpawner())
  const progress = runs.updates$.subscribe((s) => hub.emit('run.progress', wireState(s)))
  const evaluations = new EvaluationService(() => projects.current)
  const datasets = new DatasetService(() => projects.current, { cacheDir: shareDataCache(), emit: hub.emit })
  const dispatch = createDispatch(contract, createHandlers({ version, platform: process.platform, projects, runs, evaluations, datasets }))
  const server = await startBrowserServer({ root, token: makeToken(), dispatch, events$: hub.events$ }, opts.port)
  const close = () => {
    progress.unsubscribe()
    runs.shutdown()
    datasets.close()
    projects.close()
  }
  return { ...server, close: () => server.close().finally(close) }
}
