// `receptive export <project> --run ID --format onnx|pytorch|npz -o PATH`: writes a run's trained model
// from a project file, the same export as the app's "Export…" (main/services/export.ts). The project is
// opened read-only. Exit status: 0 written, 1 refused (no such run, no weights, unwritable path), 64 usage.

import { readFileSync } from 'node:fs'
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../engine/export/index.ts'
import { exportRun } from '../services/export.ts'
import { ProjectStore } from '../store/index.ts'
import { USABLE, USAGE, type CliIo } from './data-command.ts'

export const EXPORT_FAILED = 1

export const exportUsage = `usage: receptive export <project.receptive> --run ID --format onnx|pytorch|npz -o PATH
  onnx     one .onnx file (opset 17) with the class labels and input normalisation as metadata
  pytorch  a folder PATH holding model.py, weights.npz and README.md
  npz      the weights alone, one NumPy array per parameter ("<node>.<name>")
exit status: 0 written, 1 not exported (the message says why), 64 bad usage`

interface ExportArgs { project: string; runId: number; format: ExportFormat; path: string }

/** parses the words after `export`; null for --help; throws an Error naming the usage problem */
export function parseExportArgs(argv: readonly string[]): ExportArgs | null {
  const words: string[] = []
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '-h' || a === '--help') return null
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    if (flag === '--run' || flag === '--format' || flag === '-o' || flag === '--output') {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`)
      flags[flag === '--output' ? '-o' : flag] = v
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`)
    else words.push(a)
  }
  if (words.length !== 1) throw new Error(words.length ? `one project at a time (got ${words.join(', ')})` : 'name a project file')
  if (!flags['--run'] || !/^[1-9]\d*$/.test(flags['--run'])) throw new Error(`--run needs a run id (a positive whole number)${flags['--run'] ? `, got ${JSON.stringify(flags['--run'])}` : ''}`)
  const format = flags['--format']
  if (!isExportFormat(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, got ${JSON.stringify(format)}` : ''}`)
  if (!flags['-o']) throw new Error('-o PATH says where to write the export')
  return { project: words[0], runId: Number(flags['--run']), format, path: flags['-o'] }
}

const appVersion = () =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ExportArgs | null
  try { args = parseExportArgs(argv) } catch (e) {
    io.err(`receptive export: ${(e as Error).message}\n${exportUsage}`)
    return USAGE
  }
  if (!args) { io.out(exportUsage); return USABLE }
  let store: ProjectStore | null = null
  try {
    store = ProjectStore.open(args.project, { readonly: true })
    const result = await exportRun(store, { runId: args.runId, format: args.format, path: args.path }, appVersion())
    io.out(`exported run ${args.runId} as ${args.format}: ${result.path}${args.format === 'pytorch' ? ` (${result.files.join(', ')})` : ''}`)
    for (const note of result.notes) io.err(`note: ${note}`)
    return USABLE
  } catch (e) {
    io.err(`receptive export: ${(e as Error).message}`)
    return EXPORT_FAILED
  } finally {
    store?.close()
  }
}
