// Fashion-MNIST (Zalando Research, MIT licence) from Debian's dataset-fashion-mnist package, which
// installs the four IDX files under /usr/share/datasets/fashion-mnist. Detected, never downloaded.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Imported } from '../format.ts'
import { openIdxPair } from '../formats/idx.ts'

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist'
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
const FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']

/** undefined when installed, else why not */
export function fashionMissing(dir = FASHION_DIR): string | undefined {
  const missing = FILES.find((f) => !existsSync(join(dir, f)))
  return missing && `Fashion-MNIST is not installed (${join(dir, missing)} is missing); install Debian's dataset-fashion-mnist package`
}

export async function openFashionMnist(dir = FASHION_DIR): Promise<Imported> {
  const why = fashionMissing(dir)
  if (why) throw new Error(why)
  const [ti, tl, vi, vl] = FILES.map((f) => join(dir, f))
  const options = { classes: FASHION_CLASSES }
  const train = await openIdxPair(ti, tl, options, {}, 'Fashion-MNIST (train)')
  const test = await openIdxPair(vi, vl, options, {}, 'Fashion-MNIST (test)')
  return { format: 'builtin', train, test, bad: [], sources: FILES.map((f) => join(dir, f)), notes: [] }
}
