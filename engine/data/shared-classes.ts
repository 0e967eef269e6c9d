// One class list for the train and test splits of a file format whose classes are numbered from
// the labels (IDX, NumPy): a test split whose labels stop at 1 while train reaches 9 must still
// say there are 10 classes, or per-class counts and the model's output size disagree between splits.

import type { Dataset } from './dataset.ts'
import { PackedDataset } from './packed.ts'

/** `base` with a longer class list; labels and samples are unchanged */
class ClassListView implements Dataset {
  readonly name: string
  readonly inputShape: readonly number[]
  readonly length: number

  constructor(private readonly base: Dataset, readonly classes: readonly string[]) {
    this.name = base.name
    this.inputShape = base.inputShape
    this.length = base.length
  }

  label(i: number): number { return this.base.label(i) }
  read(i: number, out: Float32Array, offset: number): void { this.base.read(i, out, offset) }
}

const startsWith = (long: readonly string[], short: readonly string[]) => short.every((c, k) => long[k] === c)

/** gives both splits the longer of their class lists when one extends the other ("0".."1" vs "0".."9") */
export function shareClasses(train: Dataset, test: Dataset | undefined): { train: Dataset; test: Dataset | undefined } {
  if (!test || train.classes.length === test.classes.length) return { train, test }
  const [long, short] = train.classes.length > test.classes.length ? [train, test] : [test, train]
  if (!startsWith(long.classes, short.classes)) return { train, test }
  // a packed split is re-made over the same storage so that it stays cacheable
  const widened = short instanceof PackedDataset
    ? new PackedDataset(short.name, short.inputShape, long.classes, short.storage, short.labels)
    : new ClassListView(short, long.classes)
  return short === test ? { train, test: widened } : { train: widened, test }
}
