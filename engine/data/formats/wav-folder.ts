// A folder of WAV files, one subfolder per class (optionally under train/ and test/), read as 1D
// signals [1, length]: channels averaged to mono, resampled to one sample rate (Lanczos-3), then
// cropped at the end or padded with zeros to one length. Defaults: the most common rate and length.

import { lanczos3, resample1d } from '../codecs/resample.ts'
import { decodeWav, sniffWav, type WavHeader } from '../codecs/wav.ts'
import type { DataFormat, ImportOptions } from '../format.ts'
import { importClassFolders, type FolderCodec, type FolderPlan } from '../folders/folder-import.ts'

const MAX_LENGTH = 10_000_000

function mode(xs: number[]): number {
  const counts = new Map<number, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
}

const wavCodec: FolderCodec<WavHeader> = {
  format: 'wav-folder',
  noun: 'WAV files',
  sniff: sniffWav,
  plan(headers, options: ImportOptions): FolderPlan<WavHeader> {
    const rate = options.sampleRate ?? mode(headers.map((h) => h.sampleRate))
    const resampled = (h: WavHeader) => Math.round((h.frames * rate) / h.sampleRate)
    const length = options.length ?? mode(headers.map(resampled))
    if (!(length > 0 && length <= MAX_LENGTH)) throw new Error(`clip length ${length} is out of range (1…${MAX_LENGTH})`)
    const other = headers.filter((h) => h.sampleRate !== rate).length
    const notes = [`mono, ${rate} Hz, ${length} samples (${(length / rate).toFixed(3)} s); longer clips cropped at the end, shorter padded with zeros`]
    if (other) notes.push(`${other} ${other === 1 ? 'file' : 'files'} resampled to ${rate} Hz`)
    return {
      inputShape: [1, length], dtype: 'f32', scale: 1, notes,
      reject: (h) => (h.frames === 0 ? 'WAV file holds no samples' : undefined),
      decode(bytes, h, out) {
        let signal = decodeWav(bytes, h)
        if (h.sampleRate !== rate) signal = resample1d(signal, resampled(h), lanczos3, h.sampleRate / rate)
        out.set(signal.subarray(0, length))
      },
    }
  },
}

export const wavFolderFormat: DataFormat = {
  id: 'wav-folder',
  name: 'WAV folder (one subfolder per class)',
  cache: true,
  async match(p) {
    return p.kind === 'dir' && (await p.sampleHeads(16)).some((b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WAVE')
  },
  open: (path, options, ctx) => importClassFolders(path, wavCodec, options, ctx),
}
