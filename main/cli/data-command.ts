// `receptive data`: reads a dataset the way training will (same readers, same options) and prints
// what it found: format, counts, shape, classes, mean/std and every bad file with its reason.
// `import` also fills the decoded-data cache and writes the dataset spec a project stores.
// Exit status: 0 usable, 2 nothing usable (unreadable, unrecognised, or stopped at a bad file).

import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  DataError, formats, importDataset, isBuiltin, listBuiltins, openBuiltin, parseDatasetSpec, summarize,
  type Imported, type ImportContext,
} from '../../engine/data/index.ts'
import { dataUsage, parseDataArgs, type DataArgs } from './data-args.ts'
import { progressLine } from './progress.ts'
import { summaryText } from './summary-text.ts'

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** a terminal to draw progress on, when there is one */
  progress?(text: string): void
  env: Record<string, string | undefined>
}

export const USABLE = 0
export const NOTHING_USABLE = 2
export const USAGE = 64

/** where decoded data is cached unless --cache says otherwise */
export const defaultCacheDir = (env: CliIo['env']): string =>
  join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'receptive', 'datasets')

type Source = { kind: 'path'; path: string } | { kind: 'builtin'; id: string }

function sourceOf(target: string): Source {
  if (existsSync(target)) return { kind: 'path', path: resolve(target) }
  if (isBuiltin(target)) return { kind: 'builtin', id: target }
  const ids = listBuiltins().map((b) => b.id).join(', ')
  throw new DataError(target, `no such file or folder, and no built-in dataset of that name (built-ins: ${ids})`)
}

const formatName = (imp: Imported, source: Source) =>
  source.kind === 'builtin' ? `built-in (${listBuiltins().find((b) => b.id === source.id)!.name})`
    : `${formats.find((f) => f.id === imp.format)?.name ?? imp.format} [${imp.format}]`

function listText(): string {
  return listBuiltins().map((b) => [
    `${b.id.padEnd(14)} ${b.available ? 'available' : 'missing  '}  [${b.inputShape.join(', ')}], ${b.classes.length} classes: ${b.name}`,
    `${' '.repeat(15)}${b.description}`,
    `${' '.repeat(15)}licence: ${b.licence}`,
    ...(b.reason ? [`${' '.repeat(15)}${b.reason}`] : []),
  ].join('\n')).join('\n')
}

async function open(args: DataArgs, source: Source, ctx: ImportContext): Promise<Imported> {
  if (source.kind === 'builtin') return openBuiltin(source.id)
  const onBad = args.command === 'import' && !args.skipBad ? 'fail' : 'skip'
  return importDataset(source.path, { ...args.options, onBad }, ctx, args.format)
}

/** runs `receptive data …` with the words after `data`; returns the exit status */
export async function dataCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args: DataArgs
  try { args = parseDataArgs(argv) } catch (e) {
    io.err(`receptive data: ${(e as Error).message}\n${dataUsage}`)
    return USAGE
  }
  if (args.command === 'help') { io.out(dataUsage); return USABLE }
  if (args.command === 'list') { io.out(listText()); return USABLE }

  const bar = io.progress ? progressLine(io.progress) : undefined
  const ctx: ImportContext = { onProgress: bar && ((p) => bar.update(p)) }
  if (args.command === 'import') ctx.cacheDir = args.cacheDir ?? defaultCacheDir(io.env)
  let source: Source
  let imported: Imported
  try {
    source = sourceOf(args.target!)
    imported = await open(args, source, ctx)
  } catch (e) {
    bar?.clear()
    io.err(`receptive data: ${(e as Error).message}`)
    if (e instanceof DataError && e.bad.length) for (const b of e.bad) io.err(`  ${b.file}: ${b.reason}`)
    if (args.command === 'import' && !args.skipBad && e instanceof DataError) {
      io.err('nothing was imported; rerun with --skip-bad to leave bad files out and list them')
    }
    return NOTHING_USABLE
  }
  const summary = summarize(imported, ctx.onProgress)
  bar?.clear()
  const spec = parseDatasetSpec({
    format: 'receptive.dataset/1',
    source: source.kind === 'builtin' ? source : { kind: 'path', path: source.path, format: imported.format === 'builtin' ? undefined : imported.format },
    options: source.kind === 'path' ? { ...args.options, ...(args.skipBad ? { onBad: 'skip' } : {}) } : {},
    inputShape: [...summary.inputShape], classes: [...summary.classes],
    normalization: { mode: 'standardize', mean: summary.mean, std: summary.std },
  })
  if (args.specOut) await writeFile(args.specOut, `${JSON.stringify(spec, null, 2)}\n`)
  if (args.json) io.out(JSON.stringify({ summary, spec }, null, 2))
  else {
    io.out(summaryText(args.target!, formatName(imported, source), summary))
    if (args.command === 'import') {
      // formats that read fast (IDX, CIFAR, .npy) and built-ins are not cached; a failed cache write leaves a note
      const cached = source.kind === 'path' && formats.find((f) => f.id === imported.format)?.cache &&
        !imported.notes.some((note) => note.startsWith('decoded-data cache not written'))
      io.out(`imported ${summary.splits.map((s) => `${s.count.toLocaleString('en')} ${s.name}`).join(' + ')} samples` +
        `${summary.bad.length ? `, ${summary.bad.length} bad files left out` : ''}` +
        `${cached ? `; decoded data cached in ${ctx.cacheDir}` : '; read directly each time (no cache needed)'}`)
      if (args.specOut) io.out(`dataset spec written to ${args.specOut}`)
    }
  }
  return USABLE
}
