// Opening a dataset from a path: recognise the format (or take the one given), serve it from the
// decoded-data cache when the caller keeps one and nothing changed, else run the reader and fill the cache.

import { cacheFile, cacheable, readCache, writeCache } from './cache.ts'
import { DataError } from './errors.ts'
import type { DataFormat, FormatId, ImportContext, ImportOptions, Imported } from './format.ts'
import { formatById, formats } from './formats/index.ts'
import { probePath } from './probe.ts'

/** the format of a path, or undefined when no reader recognises it */
export async function detectFormat(path: string): Promise<DataFormat | undefined> {
  const probe = await probePath(path)
  for (const f of formats) if (await f.match(probe)) return f
  return undefined
}

export async function importDataset(path: string, options: ImportOptions = {}, ctx: ImportContext = {}, format?: FormatId): Promise<Imported> {
  const reader = format ? formatById(format) : await detectFormat(path)
  if (!reader) {
    throw new DataError(path, `is not a dataset Receptive can read (${formats.map((f) => f.name).join(', ')})`)
  }
  const file = ctx.cacheDir && reader.cache ? cacheFile(ctx.cacheDir, path, reader.id, options) : undefined
  if (file) {
    const hit = await readCache(file)
    if (hit) return hit
  }
  const imported = await reader.open(path, options, ctx)
  if (file && cacheable(imported)) {
    // the cache is an optimisation: failing to write it must not fail the import
    try { await writeCache(file, imported) } catch (e) { imported.notes.push(`decoded-data cache not written: ${(e as Error).message}`) }
  }
  return imported
}
