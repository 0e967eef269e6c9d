// Command-line arguments of `receptive data`: the subcommand (info, import, list), the dataset
// (a path or a built-in id) and the import options, checked here so a typo is a usage error that
// names the flag, never a half-run import.

import { FORMAT_IDS, RESIZE_POLICIES, type FormatId, type ImportOptions } from '../../engine/data/index.ts'

export interface DataArgs {
  command: 'info' | 'import' | 'list' | 'help'
  target?: string
  format?: FormatId
  options: ImportOptions
  /** import only: skip bad files and report them; without it the first bad file stops the import */
  skipBad: boolean
  /** import only: folder of the decoded-data cache */
  cacheDir?: string
  /** import only: write the dataset spec (shape, classes, mean/std) as JSON to this file */
  specOut?: string
  json: boolean
}

export const dataUsage = `usage:
  receptive data <path | built-in>            what the data is (same as data info)
  receptive data info <path | built-in> [options] [--json]
  receptive data import <path> [options] [--skip-bad] [--cache DIR] [--spec FILE] [--json]
  receptive data list                         the built-in datasets and whether each is available here
options:
  --format idx|cifar|image-folder|wav-folder|npy|npz   skip format detection
  --size HxW            image size (e.g. 28x28); default the most common size
  --resize fit|fill|stretch|none                    how images of another size are brought to it
  --channels 1|3        grey or RGB; default grey when every image is grey
  --rate HZ             WAV sample rate; --length N  samples per WAV clip (cropped or zero-padded)
  --x NAME --y NAME     NumPy sample and label arrays; --classes a,b,c  class names
exit status: 0 the dataset is usable, 2 nothing usable was found, 64 bad usage`

const positiveInt = (flag: string, v: string): number => {
  if (!/^[1-9]\d*$/.test(v)) throw new Error(`${flag} needs a positive whole number, got ${JSON.stringify(v)}`)
  return Number(v)
}

const oneOf = <T extends string>(flag: string, v: string, allowed: readonly T[]): T => {
  if (!allowed.includes(v as T)) throw new Error(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`)
  return v as T
}

/** parses the words after `data`; throws an Error whose message is the usage problem */
export function parseDataArgs(argv: readonly string[]): DataArgs {
  const args: DataArgs = { command: 'info', options: {}, skipBad: false, json: false }
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]
    let inline: string | undefined
    if (a.startsWith('--') && a.includes('=')) [a, inline] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new Error(`${a} needs a value`)
      return v
    }
    switch (a) {
      case '-h': case '--help': args.command = 'help'; return args
      case '--format': args.format = oneOf(a, value(), FORMAT_IDS); break
      case '--size': {
        const v = value()
        const m = /^(\d+)x(\d+)$/.exec(v)
        if (!m || !+m[1] || !+m[2]) throw new Error(`--size needs HEIGHTxWIDTH such as 28x28, got ${JSON.stringify(v)}`)
        args.options.size = [Number(m[1]), Number(m[2])]
        break
      }
      case '--resize': args.options.resize = oneOf(a, value(), RESIZE_POLICIES); break
      case '--channels': args.options.channels = Number(oneOf(a, value(), ['1', '3'])) as 1 | 3; break
      case '--rate': args.options.sampleRate = positiveInt(a, value()); break
      case '--length': args.options.length = positiveInt(a, value()); break
      case '--x': args.options.x = value(); break
      case '--y': args.options.y = value(); break
      case '--classes': args.options.classes = value().split(',').map((s) => s.trim()); break
      case '--skip-bad': args.skipBad = true; break
      case '--cache': args.cacheDir = value(); break
      case '--spec': args.specOut = value(); break
      case '--json': args.json = true; break
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}`)
        words.push(a)
    }
  }
  if (words[0] === 'info' || words[0] === 'import' || words[0] === 'list') args.command = words.shift() as DataArgs['command']
  if (args.command === 'list') {
    if (words.length) throw new Error(`data list takes no dataset (got ${words.join(' ')})`)
    return args
  }
  if (words.length !== 1) throw new Error(words.length ? `one dataset at a time (got ${words.join(', ')})` : 'name a dataset: a file, a folder or a built-in id')
  args.target = words[0]
  if (args.command === 'info' && (args.skipBad || args.specOut || args.cacheDir)) {
    throw new Error('--skip-bad, --cache and --spec belong to data import (data info always lists bad files)')
  }
  return args
}
