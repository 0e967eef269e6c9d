// What main does when a process it depends on goes away (RELIABILITY.md C9): every child-process-gone
// and render-process-gone is logged with its reason and service name, and a crashed window is reloaded
// at most a few times a minute (a renderer that crashes on load must not loop for ever).
import type { Log } from '../log.ts'

/** Electron's child-process-gone details, as far as they are read */
export interface ChildGone { type: string; reason: string; exitCode: number; serviceName?: string; name?: string }

export function logChildGone(log: Log, d: ChildGone): void {
  const who = [d.type, d.serviceName, d.name].filter(Boolean).join(' / ')
  log.write(d.reason === 'clean-exit' ? 'info' : 'error', 'child', `${who} gone: ${d.reason} (exit code ${d.exitCode})`)
}

/** true while fewer than `max` reloads happened in the last `windowMs`; counts the one it allows */
export function reloadBudget(max = 3, windowMs = 60_000, now: () => number = Date.now): () => boolean {
  const times: number[] = []
  return () => {
    const t = now()
    while (times.length > 0 && t - times[0] >= windowMs) times.shift()
    if (times.length >= max) return false
    times.push(t)
    return true
  }
}

/** the members of WebContents the handler uses */
export interface ReloadableContents {
  on(event: 'render-process-gone', listener: (e: unknown, details: { reason: string; exitCode: number }) => void): unknown
  reload(): void
}

/**
 * Logs a window's renderer going away and reloads it within the budget; past it, `giveUp` is told
 * (main shows an error instead). A clean exit is not a crash and is not reloaded.
 */
export function recoverRenderer(contents: ReloadableContents, log: Log, giveUp: (reason: string) => void, allow = reloadBudget()): void {
  contents.on('render-process-gone', (_e, { reason, exitCode }) => {
    log.write(reason === 'clean-exit' ? 'info' : 'error', 'renderer', `renderer gone: ${reason} (exit code ${exitCode})`)
    if (reason === 'clean-exit') return
    if (allow()) {
      log.write('info', 'renderer', 'reloading the window')
      contents.reload()
    } else {
      log.write('error', 'renderer', 'renderer keeps crashing; not reloading again')
      giveUp(reason)
    }
  })
}
