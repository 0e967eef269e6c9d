// The one document state that can be lost (RELIABILITY.md C4): projects write through, but an untitled
// project lives in the settings folder and is deleted when it is replaced or the app quits. If it holds
// work (a changed graph, a dataset, a run), closing the window, New and Open ask first: Save / Don't
// Save / Cancel. The window's 'close' event is cancelled, the question asked, and the close redone.
import { starterGraph } from '../services/starter-graph.ts'
import type { ProjectService } from '../services/projects.ts'

/** true when the open project is untitled and differs from the starter a new project gets */
export function untitledHasWork(projects: Pick<ProjectService, 'info' | 'current'>): boolean {
  if (projects.info().path !== null) return false
  const store = projects.current
  if (store.runs.list().length > 0 || store.datasets.list().length > 0) return true
  const graph = store.graph.get()
  return graph !== null && JSON.stringify(graph.spec) !== JSON.stringify(starterGraph().spec)
}

interface Preventable { preventDefault(): void }

/**
 * A BrowserWindow 'close' listener: while `settle` (ask, maybe save) is pending the close is held;
 * when it says the work may go, the window is closed again and this time let through. Quitting closes
 * the windows first, so a cancelled close also cancels the quit.
 */
export function closeGuard(settle: () => Promise<boolean>, close: () => void): (event: Preventable) => void {
  let state: 'idle' | 'asking' | 'settled' = 'idle'
  return (event) => {
    if (state === 'settled') return
    event.preventDefault()
    if (state === 'asking') return
    state = 'asking'
    void settle().then(
      (go) => {
        state = go ? 'settled' : 'idle'
        if (go) close()
      },
      () => { state = 'idle' },
    )
  }
}
