// Main's answers to the contract's calls, in one place: the mapped type makes a call without a
// handler a compile error. Handlers stay thin; the work lives in services.
import { firstValueFrom } from 'rxjs'
import { availableBackends } from '../engine/backend/available.ts'
import type { HyperInput } from '../engine/host/job.ts'
import type { contract } from '../preload/contract.ts'
import type { Handlers } from './dispatch.ts'
import type { EvaluationService } from './services/evaluate.ts'
import { DatasetService } from './services/datasets.ts'
import { shareDataCache } from './services/datasets-cache.ts'
import { exportRun } from './services/export.ts'
import { InspectService } from './services/inspect.ts'
import type { ProjectService } from './services/projects.ts'
import { wireSeries, wireState, wireSummary } from './services/runs/run-wire.ts'
import type { RunsService } from './services/runs/runs-service.ts'

/** what the handlers need to know about this process */
export interface AppContext {
  version: string
  platform: string
  projects: ProjectService
  /** training; absent in processes that only serve projects (some tests) */
  runs?: RunsService
  evaluations?: EvaluationService
  /** filters, feature maps, activation maximisation; made on first use when not given */
  inspections?: InspectService
  /** dataset import, preview and the project's saved datasets; made here (events unheard) when not given */
  datasets?: DatasetService
  /** the native dialog that picks a dataset file or folder; absent in browser mode (a path field there) */
  openDatasetDialog?: (folder: boolean) => Promise<string | null>
  /** the native dialog that names where a run's export goes; absent in browser mode */
  saveExportDialog?: (format: 'onnx' | 'pytorch' | 'npz', suggested: string) => Promise<string | null>
}

export function createHandlers(ctx: AppContext): Handlers<typeof contract> {
  const { projects } = ctx
  const runs = () => {
    if (!ctx.runs) throw new Error('this process cannot train')
    return ctx.runs.manager
  }
  const evaluations = () => {
    if (!ctx.evaluations) throw new Error('this process cannot evaluate runs')
    return ctx.evaluations
  }
  const inspections = () => (ctx.inspections ??= new InspectService(() => projects.current))
  const datasets = (ctx.datasets ??= new DatasetService(() => projects.current, { cacheDir: shareDataCache() }))
  return {
    'app.info': async () => ({
      version: ctx.version,
      platform: ctx.platform,
      backends: (await availableBackends()).backends,
    }),
    'project.current': () => projects.info(),
    'project.new': () => projects.newProject(),
    'project.open': ({ path }) => projects.open(path),
    'project.save': () => projects.save(),
    'project.saveAs': ({ path, overwrite }) => projects.saveAs(path, overwrite),
    'project.recent': () => projects.recent(),
    'project.recoverable': () => projects.recoverable(),
    'project.recover': ({ path }) => projects.recover(path),
    'project.discardRecoverable': ({ path }) => void projects.discardRecoverable(path),
    'graph.get': () => projects.graph(),
    'graph.save': (graph) => ({ changed: projects.saveGraph(graph) }),
    'runs.list': () => runs().list().map(wireSummary),
    // the run trains the graph as saved: the renderer flushes its pending autosave first
    'runs.start': async (req) => ({ runId: await runs().start({ ...req, hyper: req.hyper as HyperInput, spec: projects.graph().spec }) }),
    'runs.stop': ({ runId }) => void runs().stop(runId),
    'runs.pause': ({ runId }) => void runs().pause(runId),
    'runs.resume': ({ runId }) => void (runs().running().includes(runId) ? runs().continue(runId) : runs().resume(runId)),
    'runs.state': async ({ runId }) => wireState(await firstValueFrom(runs().progress$(runId))),
    'runs.metrics': ({ runId, afterStep, scope }) => projects.current.metrics.series(runId, { afterStep, scope }).map(wireSeries),
    'runs.detail': ({ runId }) => {
      const run = projects.current.runs.get(runId)
      if (!run) throw new Error(`there is no run ${runId}`)
      return { spec: run.spec as never, dataset: run.dataset, hyper: run.hyper }
    },
    'runs.evaluate': ({ runId }) => evaluations().run(runId),
    'runs.samples': ({ runId, indices }) => evaluations().samples(runId, indices),
    'data.builtins': () => datasets.builtins(),
    'data.detect': ({ path }) => datasets.detect(path),
    'data.import': (req) => datasets.import(req),
    'data.result': ({ importId }) => datasets.result(importId),
    'data.cancel': ({ importId }) => void datasets.cancel(importId),
    'data.preview': (req) => datasets.preview(req),
    'data.save': ({ name, spec }) => datasets.save(name, spec),
    'data.list': () => datasets.list(),
    'data.remove': ({ id }) => void datasets.remove(id),
    'dialog.openDataset': ({ folder }) => {
      if (!ctx.openDatasetDialog) throw new Error('there is no native dialog in browser mode: type the path instead')
      return ctx.openDatasetDialog(folder)
    },
    'dialog.saveExport': ({ format, suggested }) => {
      if (!ctx.saveExportDialog) throw new Error('there is no native dialog in browser mode: type the path instead')
      return ctx.saveExportDialog(format, suggested)
    },
    'export.run': (req) => exportRun(projects.current, req, ctx.version),
    'inspect.snapshots': ({ runId }) => inspections().snapshots(runId),
    'inspect.filters': ({ runId, step, node, position }) => inspections().filters(runId, step, node, position),
    'inspect.featureMaps': ({ runId, input }) => inspections().featureMaps(runId, input),
    'inspect.maximize': ({ runId, ...req }) => inspections().maximize(runId, req),
  }
}
