// Errors and problem reports for dataset import. Every message names the file it is about,
// because a user fixing a folder of 60,000 images needs to know which one is wrong.

/** a file that was skipped during import, with the reason in words */
export interface BadFile {
  readonly file: string
  readonly reason: string
}

/** an import failure that names the offending file (and, when nothing was usable, every file skipped) */
export class DataError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly bad: readonly BadFile[] = []) {
    super(`${file}: ${reason}`)
    this.name = 'DataError'
  }
}

/** thrown when an import is cancelled through its AbortSignal */
export class ImportAborted extends Error {
  constructor() {
    super('import cancelled')
    this.name = 'ImportAborted'
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportAborted()
}
