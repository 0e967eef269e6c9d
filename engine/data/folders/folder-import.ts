// The two-pass import shared by image and WAV folders. Pass 1 reads every file's header (cheap) so
// the target shape can be planned and bad files found before anything big is allocated; pass 2 decodes
// each file straight into its slot of one packed array. Bad files are skipped and reported (or, with
// onBad 'fail', end the import); an import either returns every split or throws: never half a dataset.

import { open, readFile } from 'node:fs/promises'
import { allocSamples } from '../dtype.ts'
import { DataError, throwIfAborted, type BadFile } from '../errors.ts'
import type { FormatId, ImportContext, ImportOptions, Imported } from '../format.ts'
import { PackedDataset } from '../packed.ts'
import { scanClassFolders } from './class-folders.ts'

/** what the files share once every header is known */
export interface FolderPlan<H> {
  readonly inputShape: number[]
  readonly dtype: 'u8' | 'f32'
  readonly scale: number
  readonly notes: string[]
  /** why a file cannot join this dataset (e.g. a different size with resizing off), or undefined */
  reject(h: H): string | undefined
  /** decodes a file into its sample slot; throws a reason string */
  decode(bytes: Uint8Array, h: H, out: Uint8Array | Float32Array): void
}

export interface FolderCodec<H> {
  readonly format: FormatId
  /** plural noun for messages: "images", "WAV files" */
  readonly noun: string
  /** header from the first 64 KiB, or undefined when more bytes are needed; throws a reason string */
  sniff(head: Uint8Array): H | undefined
  plan(headers: H[], options: ImportOptions): FolderPlan<H>
}

interface Entry<H> { split: number; cls: string; file: string; header?: H }

const HEAD = 64 << 10
const AHEAD = 8

async function readHead(file: string): Promise<Uint8Array> {
  const h = await open(file, 'r')
  try {
    const b = new Uint8Array(HEAD)
    const { bytesRead } = await h.read(b, 0, HEAD, 0)
    return b.subarray(0, bytesRead)
  } finally { await h.close() }
}

/** runs `read` over items with a few reads in flight, yielding results (or errors) in order */
async function* prefetch<T, R>(items: T[], read: (t: T) => Promise<R>): AsyncGenerator<[T, R | Error]> {
  const started = items.slice(0, AHEAD).map((t) => read(t).catch((e: Error) => e))
  for (let k = 0; k < items.length; k++) {
    if (k + AHEAD < items.length) started.push(read(items[k + AHEAD]).catch((e: Error) => e))
    yield [items[k], await started[k]]
    delete started[k]
  }
}

export async function importClassFolders<H>(root: string, codec: FolderCodec<H>, options: ImportOptions, ctx: ImportContext): Promise<Imported> {
  const layout = await scanClassFolders(root)
  const bad: BadFile[] = [...layout.bad]
  const report = (file: string, reason: string) => {
    if (options.onBad === 'fail') throw new DataError(file, reason)
    bad.push({ file, reason })
  }
  const entries: Entry<H>[] = layout.splits.flatMap((s, split) => s.classes.flatMap((c) => c.files.map((file) => ({ split, cls: c.name, file }))))
  ctx.onProgress?.({ phase: 'scan', done: entries.length, total: entries.length, unit: 'files' })

  let done = 0
  for await (const [e, head] of prefetch(entries, (x) => readHead(x.file))) {
    throwIfAborted(ctx.signal)
    try {
      if (head instanceof Error) throw head
      e.header = codec.sniff(head) ?? (head.length === HEAD ? codec.sniff(await readFile(e.file)) : undefined)
      if (!e.header) throw new Error(`truncated ${codec.noun.replace(/s$/, '')} (ends inside its header)`)
    } catch (err) { report(e.file, (err as Error).message) }
    ctx.onProgress?.({ phase: 'read', done: ++done, total: entries.length, unit: 'files' })
  }
  const sniffed = entries.filter((e) => e.header)
  if (!sniffed.length) throw new DataError(root, `no ${codec.noun} found${bad.length ? ` (${bad.length} files skipped)` : ''}`, bad)
  const plan = codec.plan(sniffed.map((e) => e.header!), options)
  const usable = sniffed.filter((e) => {
    const why = plan.reject(e.header!)
    if (why) report(e.file, why)
    return !why
  })

  const allClasses = [...new Set(layout.splits.flatMap((s) => s.classes.map((c) => c.name)))].sort()
  const size = plan.inputShape.reduce((a, b) => a * b, 1)
  const decoded = layout.splits.map((_, split) => {
    const mine = usable.filter((e) => e.split === split)
    return { mine, data: allocSamples(plan.dtype, mine.length * size) as Uint8Array | Float32Array, labels: new Int32Array(mine.length), count: 0 }
  })
  done = 0
  for (const part of decoded) {
    for await (const [e, bytes] of prefetch(part.mine, (x) => readFile(x.file))) {
      throwIfAborted(ctx.signal)
      try {
        if (bytes instanceof Error) throw bytes
        // a failed decode leaves its slot to be overwritten by the next file
        plan.decode(bytes, e.header!, part.data.subarray(part.count * size, (part.count + 1) * size))
        part.labels[part.count++] = allClasses.indexOf(e.cls)
      } catch (err) { report(e.file, (err as Error).message) }
      ctx.onProgress?.({ phase: 'decode', done: ++done, total: usable.length, unit: 'files' })
    }
  }

  // classes: folders with at least one usable file; empty ones are reported
  const used = new Set(decoded.flatMap((p) => [...p.labels.subarray(0, p.count)]))
  const skippedFiles = bad.length
  for (const [split, s] of layout.splits.entries()) {
    for (const c of s.classes) {
      const k = allClasses.indexOf(c.name)
      if (!decoded[split].labels.subarray(0, decoded[split].count).includes(k)) report(c.dir, `class folder has no usable ${codec.noun}`)
    }
  }
  if (!used.size) {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
    throw new DataError(root, `no usable ${codec.noun} found (${count(skippedFiles, 'file')} skipped, ${count(bad.length - skippedFiles, 'class folder')} left empty)`, bad)
  }
  const classes = allClasses.filter((_, k) => used.has(k))
  const remap = allClasses.map((c) => classes.indexOf(c))
  const sets = decoded.map((p, split) => {
    const labels = p.labels.slice(0, p.count).map((l) => remap[l])
    const data = p.data.subarray(0, p.count * size)
    const name = `${root.split(/[\\/]/).filter(Boolean).pop()}${layout.splits.length > 1 ? ` (${layout.splits[split].role})` : ''}`
    return new PackedDataset(name, plan.inputShape, classes, { data, scale: plan.scale, channelsLast: false }, labels)
  })
  const test = layout.splits.findIndex((s) => s.role === 'test')
  return {
    format: codec.format, train: sets[0], test: test > 0 && sets[test].length ? sets[test] : undefined, bad,
    sources: [...layout.dirs, ...entries.map((e) => e.file)], notes: plan.notes,
  }
}
