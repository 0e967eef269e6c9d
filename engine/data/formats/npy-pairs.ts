// Which NumPy arrays hold samples and which hold labels, by the names people give them:
// x/y, X/y, images/labels, data/labels…, optionally with a _train/_test (or train_/test_) split tag.
// Used for .npz member names and for .npy files side by side in a folder.

const PAIRS: [string, string][] = [
  ['x', 'y'], ['X', 'y'], ['X', 'Y'], ['images', 'labels'], ['data', 'labels'], ['inputs', 'labels'],
  ['samples', 'labels'], ['features', 'labels'], ['inputs', 'targets'],
]

export interface ArrayPairs {
  train: [string, string]
  test?: [string, string]
}

const tagged = (name: string, split: string) => [`${name}_${split}`, `${split}_${name}`]

/** the sample/label pairs among `names` (array names without .npy), or undefined when none is found */
export function findPairs(names: readonly string[]): ArrayPairs | undefined {
  const has = (n: string) => names.includes(n)
  for (const [x, y] of PAIRS) {
    const pick = (split: string) => {
      const xs = tagged(x, split), ys = tagged(y, split)
      for (let k = 0; k < 2; k++) if (has(xs[k]) && has(ys[k])) return [xs[k], ys[k]] as [string, string]
      return undefined
    }
    const train = pick('train')
    if (train) return { train, test: pick('test') }
    if (has(x) && has(y)) return { train: [x, y] }
  }
  return undefined
}

/** the label array name that goes with a sample array name (x_train → y_train), if any is among `names` */
export function partnerOf(xName: string, names: readonly string[]): string | undefined {
  for (const [x, y] of PAIRS) {
    for (const candidate of [xName === x ? y : '', xName.startsWith(`${x}_`) ? y + xName.slice(x.length) : '',
      xName.endsWith(`_${x}`) ? xName.slice(0, -x.length) + y : '']) {
      if (candidate && names.includes(candidate)) return candidate
    }
  }
  return undefined
}
