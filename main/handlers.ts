// Main's answers to the contract's calls, in one place: the mapped type makes a call without a
// handler a compile error. Handlers stay thin; the work lives in services.
import { basename, extname } from 'node:path'
import { availableBackends } from '../engine/backend/available.ts'
import type { ProjectInfo, contract } from '../preload/contract.ts'
import type { Handlers } from './dispatch.ts'

/** what the handlers need to know about this process */
export interface AppContext {
  version: string
  platform: string
  /** the project file given on the command line, if any */
  project: string | null
}

/** the project's display name: its file name without the extension */
export function projectInfo(path: string | null): ProjectInfo {
  if (!path) return { name: 'Untitled', path: null }
  return { name: basename(path, extname(path)), path }
}

export function createHandlers(ctx: AppContext): Handlers<typeof contract> {
  return {
    'app.info': async () => ({
      version: ctx.version,
      platform: ctx.platform,
      backends: (await availableBackends()).backends,
    }),
    'project.current': () => projectInfo(ctx.project),
  }
}
