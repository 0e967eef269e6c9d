// The File menu's project actions under Electron: native open/save dialogs in front of the project
// service. A refused file or a failed save is shown in an error box; the open project stays as it was.
// Dialogs come in through a small interface so tests can answer them without Electron.
import type { ProjectService } from '../services/projects.ts'
import type { FileActions } from './menu.ts'

/** the parts of Electron's dialog module the actions use (the window is bound by the caller) */
export interface Dialogs {
  openPath(): Promise<string | null>
  /** the save dialog asks before replacing an existing file */
  savePath(suggested: string): Promise<string | null>
  error(title: string, message: string): void
}

export const projectFilters = [{ name: 'Receptive project', extensions: ['receptive'] }]

export function fileActions(projects: ProjectService, dialogs: Dialogs): FileActions & { [K in keyof FileActions]: () => Promise<void> } {
  const attempt = async (title: string, work: () => unknown) => {
    try {
      await work()
    } catch (err) {
      dialogs.error(title, err instanceof Error ? err.message : String(err))
    }
  }
  const saveAs = () => attempt('Could not save the project', async () => {
    const path = await dialogs.savePath(`${projects.info().name}.receptive`)
    if (path !== null) await projects.saveAs(path, true)
  })
  return {
    newProject: () => attempt('Could not make a new project', () => projects.newProject()),
    open: () => attempt('Could not open the project', async () => {
      const path = await dialogs.openPath()
      if (path !== null) projects.open(path)
    }),
    save: () => (projects.info().path === null ? saveAs() : attempt('Could not save the project', () => projects.save())),
    saveAs,
  }
}
