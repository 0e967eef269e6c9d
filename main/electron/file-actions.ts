// The File menu's project actions under Electron: native open/save dialogs in front of the project
// service. A refused file or a failed save is shown in an error box; the open project stays as it was.
// An untitled project holding work is not replaced (New, Open) or closed unasked (unsaved-work.ts).
// Dialogs come in through a small interface so tests can answer them without Electron.
import type { ProjectService } from '../services/projects.ts'
import type { FileActions } from './menu.ts'
import { untitledHasWork } from './unsaved-work.ts'

/** the parts of Electron's dialog module the actions use (the window is bound by the caller) */
export interface Dialogs {
  openPath(): Promise<string | null>
  /** the save dialog asks before replacing an existing file */
  savePath(suggested: string): Promise<string | null>
  error(title: string, message: string): void
  /** Save / Don't Save / Cancel for an untitled project that holds work */
  askUnsaved(): Promise<'save' | 'discard' | 'cancel'>
}

export const projectFilters = [{ name: 'Receptive project', extensions: ['receptive'] }]

type Actions = { [K in keyof FileActions]: () => Promise<void> } & {
  /** true when the open project may be replaced or closed: it holds no untitled work, or the user saved or dropped it */
  settleUnsaved(): Promise<boolean>
  /** opens a file named outside the app (command line, second instance, Finder), asking about untitled work first */
  openFile(path: string): Promise<void>
}

export function fileActions(projects: ProjectService, dialogs: Dialogs): Actions {
  /** runs `work`; true when it finished, false when it failed (and the error box said why) */
  const attempt = async (title: string, work: () => unknown): Promise<boolean> => {
    try {
      await work()
      return true
    } catch (err) {
      dialogs.error(title, err instanceof Error ? err.message : String(err))
      return false
    }
  }
  /** true only when the project now has a file */
  const saveAsChosen = async (): Promise<boolean> => {
    const path = await dialogs.savePath(`${projects.info().name}.receptive`)
    return path !== null && attempt('Could not save the project', () => projects.saveAs(path, true))
  }
  const settleUnsaved = async (): Promise<boolean> => {
    if (!untitledHasWork(projects)) return true
    const choice = await dialogs.askUnsaved()
    return choice === 'discard' || (choice === 'save' && saveAsChosen())
  }
  const saveAs = async () => void (await saveAsChosen())
  const openFile = async (path: string) => {
    if (await settleUnsaved()) await attempt('Could not open the project', () => projects.open(path))
  }
  return {
    newProject: async () => {
      if (await settleUnsaved()) await attempt('Could not make a new project', () => projects.newProject())
    },
    open: async () => {
      const path = await dialogs.openPath()
      if (path !== null) await openFile(path)
    },
    save: async () => {
      if (projects.info().path === null) await saveAs()
      else await attempt('Could not save the project', () => projects.save())
    },
    saveAs,
    settleUnsaved,
    openFile,
  }
}
