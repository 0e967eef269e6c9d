// Main's log file (RELIABILITY.md C9): one line per event in <settings>/logs/main.log, appended
// synchronously so the line about a crash is on disk before the process goes; when the file passes
// its size cap it becomes main.log.1 (one old file kept), so the log never grows without bound.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'info' | 'warn' | 'error'

export interface Log {
  readonly path: string
  write(level: LogLevel, source: string, message: string): void
}

export const LOG_FILE = 'main.log'
const MAX_BYTES = 1 << 20
const MAX_LINE = 8000 // a stack trace fits; a runaway message does not fill the file

/** a one-line message for anything thrown, with the stack when there is one */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`
  try { return typeof err === 'string' ? err : JSON.stringify(err) ?? String(err) } catch { return String(err) }
}

export function createLog(settingsDir: string, maxBytes = MAX_BYTES): Log {
  const dir = join(settingsDir, 'logs')
  const path = join(dir, LOG_FILE)
  return {
    path,
    write(level, source, message) {
      const text = message.replace(/\r?\n/g, ' | ').slice(0, MAX_LINE)
      const line = `${new Date().toISOString()} ${level.toUpperCase()} [${source}] ${text}\n`
      try {
        mkdirSync(dir, { recursive: true })
        if (size(path) + line.length > maxBytes) renameSync(path, `${path}.1`)
        appendFileSync(path, line)
      } catch {
        // a log that cannot be written must not take the app down with it
      }
    },
  }
}

function size(path: string): number {
  try { return statSync(path).size } catch { return 0 }
}

/** the members of `process` the handlers use */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * Logs main's uncaught exceptions and unhandled rejections. A rejection is logged and the app goes on;
 * after an uncaught exception main's state is unknown, so `fatal` is told (it shows the error and quits).
 */
export function logProcessErrors(log: Log, proc: ProcessEvents, fatal: (err: Error) => void): void {
  proc.on('unhandledRejection', (reason) => log.write('error', 'main', `unhandled rejection: ${describeError(reason)}`))
  proc.on('uncaughtException', (err) => {
    log.write('error', 'main', `uncaught exception: ${describeError(err)}`)
    fatal(err)
  })
}
