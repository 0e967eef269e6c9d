// What each project command does in the page: New and Save go straight to main; Open and Save As
// (and Save of a project that has no file yet) first ask for a path. Main announces the project
// that is open afterwards with project.changed, which the shell and the editor listen to. Pending
// autosaves are flushed first (pending-saves.ts).
import type { Api, ProjectInfo } from '../../../preload/contract.ts'
import { flushPendingSaves } from './pending-saves.ts'
import type { ProjectCommand } from './shortcuts.ts'

/** which path the page must ask for before the command can go on */
export type PathRequest = 'open' | 'saveAs'

export async function runProjectCommand(
  api: Api,
  command: ProjectCommand,
  project: ProjectInfo | null,
  askPath: (request: PathRequest) => void,
): Promise<ProjectInfo | null> {
  if (command === 'new' || (command === 'save' && project?.path)) {
    await flushPendingSaves()
    return api.invoke(command === 'new' ? 'project.new' : 'project.save')
  }
  askPath(command === 'open' ? 'open' : 'saveAs')
  return null
}
