// EMNIST's two quirks: images are stored transposed (column-major), and class names come from a
// mapping file beside the data ("emnist-balanced-mapping.txt": one "label ascii-code" pair per line).

import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { SampleArray } from '../dtype.ts'

/** transposes one h×w image in place (w×h stored → h×w) */
export function transposeImage(img: SampleArray | Float32Array, h: number, w: number): void {
  const copy = img.slice(0, h * w)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) img[y * w + x] = copy[x * h + y]
}

/** class names from an EMNIST mapping file next to the images, or undefined when there is none */
export async function readEmnistMapping(imagesPath: string): Promise<string[] | undefined> {
  const m = /^(.*)-(train|test)-images/.exec(basename(imagesPath))
  if (!m) return undefined
  let text: string
  try { text = await readFile(join(dirname(imagesPath), `${m[1]}-mapping.txt`), 'utf8') } catch { return undefined }
  const classes: string[] = []
  for (const line of text.split('\n')) {
    const [label, code] = line.trim().split(/\s+/).map(Number)
    if (Number.isInteger(label) && Number.isInteger(code) && label >= 0 && label < 1000) classes[label] = String.fromCodePoint(code)
  }
  return classes.length ? Array.from(classes, (c, i) => c ?? String(i)) : undefined
}
