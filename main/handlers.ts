// Main's answers to the contract's calls, in one place: the mapped type makes a call without a
// handler a compile error. Handlers stay thin; the work lives in services.
import { availableBackends } from '../engine/backend/available.ts'
import type { contract } from '../preload/contract.ts'
import type { Handlers } from './dispatch.ts'
import type { ProjectService } from './services/projects.ts'

/** what the handlers need to know about this process */
export interface AppContext {
  version: string
  platform: string
  projects: ProjectService
}

export function createHandlers(ctx: AppContext): Handlers<typeof contract> {
  const { projects } = ctx
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
    'graph.get': () => projects.graph(),
    'graph.save': (graph) => ({ changed: projects.saveGraph(graph) }),
  }
}
