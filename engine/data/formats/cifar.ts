// CIFAR-10 and CIFAR-100 binary batches: fixed-size records of label byte(s) + 3072 pixel bytes
// (1024 red, 1024 green, 1024 blue: already channels-first 3×32×32). A folder is read as the
// official layout (data_batch_1..5 + test_batch, or train + test for CIFAR-100); one .bin file alone is one split.

import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { DataError, throwIfAborted } from '../errors.ts'
import type { DataFormat, ImportContext, ImportOptions, Imported } from '../format.ts'
import { checkLabels, numberedClasses } from '../labels.ts'
import { PackedDataset } from '../packed.ts'

const PIXELS = 3072
const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']

type Kind = 10 | 100
const recordSize = (kind: Kind) => PIXELS + (kind === 10 ? 1 : 2)

/** the CIFAR variant a lone .bin file holds, judged by its size; undefined when neither fits */
function kindOfSize(size: number): Kind | undefined {
  if (size > 0 && size % recordSize(10) === 0) return 10
  if (size > 0 && size % recordSize(100) === 0) return 100
  return undefined
}

async function readNames(dir: string, file: string): Promise<string[] | undefined> {
  try {
    const names = (await readFile(join(dir, file), 'utf8')).split('\n').map((s) => s.trim()).filter(Boolean)
    return names.length ? names : undefined
  } catch { return undefined }
}

async function readSplit(name: string, files: string[], kind: Kind, classes: string[],
  options: ImportOptions, ctx: ImportContext): Promise<PackedDataset> {
  const record = recordSize(kind)
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size))
  sizes.forEach((size, k) => {
    if (size % record !== 0) throw new DataError(files[k], `${size} bytes is not a whole number of ${record}-byte CIFAR-${kind} records`)
  })
  const total = sizes.reduce((a, b) => a + b, 0) / record
  const pixels = new Uint8Array(total * PIXELS)
  const labels = new Int32Array(total)
  // CIFAR-100 records are [coarse, fine, pixels…]
  const labelByte = kind === 10 ? 0 : options.labelKind === 'coarse' ? 0 : 1
  let n = 0
  for (const [k, file] of files.entries()) {
    throwIfAborted(ctx.signal)
    const bytes = await readFile(file)
    for (let o = 0; o < bytes.length; o += record, n++) {
      labels[n] = bytes[o + labelByte]
      pixels.set(bytes.subarray(o + record - PIXELS, o + record), n * PIXELS)
    }
    ctx.onProgress?.({ phase: 'read', done: k + 1, total: files.length, unit: 'files' })
  }
  for (const [k, file] of files.entries()) {
    // check per file so the message names the file holding the bad label
    const lo = sizes.slice(0, k).reduce((a, b) => a + b, 0) / record
    checkLabels(labels.subarray(lo, lo + sizes[k] / record), file, classes)
  }
  return new PackedDataset(name, [3, 32, 32], classes, { data: pixels, scale: 1 / 255, channelsLast: false }, labels)
}

export const cifarFormat: DataFormat = {
  id: 'cifar',
  name: 'CIFAR binary batches',
  cache: false,
  match(p) {
    if (p.kind === 'dir') return p.entries.includes('data_batch_1.bin') || (p.entries.includes('train.bin') && p.entries.includes('test.bin'))
    return p.path.endsWith('.bin') && kindOfSize(p.size) !== undefined
  },
  async open(path, options, ctx): Promise<Imported> {
    if ((await stat(path)).isFile()) {
      const kind = kindOfSize((await stat(path)).size)
      if (!kind) throw new DataError(path, 'size is not a whole number of CIFAR-10 (3073-byte) or CIFAR-100 (3074-byte) records')
      const classes = options.classes ?? (kind === 10 ? CIFAR10_CLASSES : numberedClasses(options.labelKind === 'coarse' ? 20 : 100))
      const train = await readSplit(basename(path, '.bin'), [path], kind, classes, options, ctx)
      return { format: 'cifar', train, bad: [], sources: [path], notes: [`CIFAR-${kind} records`] }
    }
    const entries = await readdir(path)
    const kind: Kind = entries.includes('data_batch_1.bin') ? 10 : 100
    const trainFiles = kind === 10
      ? entries.filter((e) => /^data_batch_\d+\.bin$/.test(e)).sort((a, b) => parseInt(a.slice(11)) - parseInt(b.slice(11)))
      : ['train.bin']
    const testFile = kind === 10 ? 'test_batch.bin' : 'test.bin'
    const classes = options.classes ?? (kind === 10
      ? (await readNames(path, 'batches.meta.txt')) ?? CIFAR10_CLASSES
      : (await readNames(path, options.labelKind === 'coarse' ? 'coarse_label_names.txt' : 'fine_label_names.txt'))
        ?? numberedClasses(options.labelKind === 'coarse' ? 20 : 100))
    const train = await readSplit(`CIFAR-${kind} (train)`, trainFiles.map((f) => join(path, f)), kind, classes, options, ctx)
    const test = entries.includes(testFile)
      ? await readSplit(`CIFAR-${kind} (test)`, [join(path, testFile)], kind, [...train.classes], options, ctx)
      : undefined
    const used = [...trainFiles, ...(test ? [testFile] : [])]
    return { format: 'cifar', train, test, bad: [], sources: [path, ...used.map((f) => join(path, f))], notes: [`CIFAR-${kind} records`] }
  },
}
