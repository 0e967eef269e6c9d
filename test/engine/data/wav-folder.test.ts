// WAV-folder reader on files written by Python's wave module and by hand (IEEE float), see
// make-fixtures.py: 16-bit PCM mono and stereo (averaged), 32-bit float at another rate (resampled),
// crop and zero-pad to one length, a chosen sample rate, and truncated or foreign files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { fixture, range, readAll, scratch } from './fixture-files.ts'

const ramp = range(64).map((t) => (t * 500 - 16000) / 32768)
const short = range(40).map((t) => (t * 100) / 32768)
const stereo = range(64).map((t) => ((t * 200 - t * 100) / 2) / 32768)
// f32.wav: a 250 Hz sine sampled at 16 kHz
const sine = (rate: number, n: number) => range(n).map((k) => Math.sin((2 * Math.PI * 250 * k) / rate))

function expectClose(got: number[], want: number[], tolerance: number) {
  expect(got.length).toBe(want.length)
  got.forEach((g, k) => expect(Math.abs(g - want[k])).toBeLessThanOrEqual(tolerance))
}

describe('WAV folder reader', () => {
  it('reads PCM and float files as mono [1, L] at the most common rate and length, padding short clips', async () => {
    const root = fixture('wav')
    expect((await detectFormat(root))?.id).toBe('wav-folder')
    const imp = await importDataset(root)
    expect(imp.format).toBe('wav-folder')
    expect(imp.train.inputShape).toEqual([1, 64])
    expect(imp.train.classes).toEqual(['ramp', 'stereo'])
    expect(imp.notes).toEqual([
      'mono, 8000 Hz, 64 samples (0.008 s); longer clips cropped at the end, shorter padded with zeros',
      '1 file resampled to 8000 Hz',
    ])
    const { x, labels } = readAll(imp.train)
    expect(labels).toEqual([0, 0, 1, 1])
    expectClose(x.slice(0, 64), ramp, 1e-7)
    expectClose(x.slice(64, 128), [...short, ...Array(24).fill(0)], 1e-7)
    // f32.wav halved to 8 kHz: Lanczos-3 keeps a 250 Hz tone in phase (sample k is time k/8000);
    // the first and last few samples see repeated edges
    expectClose(x.slice(128 + 4, 192 - 4), sine(8000, 64).slice(4, 60), 1e-4)
    expectClose(x.slice(192), stereo, 1e-7)
  })

  it('crops to a chosen length and resamples to a chosen rate', async () => {
    const cropped = readAll((await importDataset(fixture('wav'), { length: 16 })).train).x
    expectClose(cropped.slice(0, 16), ramp.slice(0, 16), 1e-7)
    const at16k = await importDataset(fixture('wav'), { sampleRate: 16000 })
    expect(at16k.train.inputShape).toEqual([1, 128])
    const x = readAll(at16k.train).x
    // the float file is already at 16 kHz: read exactly; the PCM ramp doubled in rate stays a ramp, in step
    expectClose(x.slice(256, 384), sine(16000, 128), 1e-6)
    expectClose(x.slice(8, 120), range(112).map((k) => (((k + 8) / 2) * 500 - 16000) / 32768), 1e-5)
  })

  it('skips and names truncated, foreign and unsupported files', async () => {
    const root = scratch()
    mkdirSync(join(root, 'a')); mkdirSync(join(root, 'b'))
    copyFileSync(fixture('wav/ramp/a.wav'), join(root, 'a/good.wav'))
    copyFileSync(fixture('wav/ramp/a.wav'), join(root, 'b/good.wav'))
    const wav = readFileSync(fixture('wav/ramp/a.wav'))
    writeFileSync(join(root, 'a/cut.wav'), wav.subarray(0, 100))
    writeFileSync(join(root, 'a/readme.txt'), 'hello, this is no audio')
    const adpcm = Buffer.from(wav); adpcm.writeUInt16LE(2, 20)
    writeFileSync(join(root, 'b/adpcm.wav'), adpcm)
    const imp = await importDataset(root, {}, {}, 'wav-folder')
    expect(imp.train.length).toBe(2)
    expect(Object.fromEntries(imp.bad.map((b) => [b.file, b.reason]))).toEqual({
      [join(root, 'a/cut.wav')]: 'truncated WAV: data chunk declares 128 bytes, the file holds 56',
      [join(root, 'a/readme.txt')]: 'is not a WAV file (no RIFF/WAVE header)',
      [join(root, 'b/adpcm.wav')]: 'unsupported WAV encoding (format code 2, 16-bit); use PCM or IEEE float',
    })
  })
})
