// Work that must reach main before the open project changes or is saved: the editor's debounced
// autosave registers its flush here, and the project commands run every flush first, so an edit made
// just before New, Open, Save or Save As lands in the project it was made in.

type Flush = () => Promise<unknown>
const flushes = new Set<Flush>()

/** registers a flush; returns the function that removes it */
export function beforeProjectSwitch(flush: Flush): () => void {
  flushes.add(flush)
  return () => void flushes.delete(flush)
}

/** runs every registered flush; a failed one does not stop the others */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()))
}
