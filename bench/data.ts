// The data figures of issue 5: import throughput of Fashion-MNIST's gzipped IDX files and of an image folder
// (PNGs generated into a temp folder with pngjs), both through engine/data's importer with no cache, and the
// share of a LeNet-5 epoch's wall time that batches() spends producing normalised batches.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { batches } from '../engine/data/batches.ts'
import { FASHION_DIR } from '../engine/data/builtin/fashion-mnist.ts'
import { importDataset } from '../engine/data/import.ts'
import { loadDataset } from '../engine/data/load.ts'
import { parseDatasetSpec } from '../engine/data/spec.ts'
import { buildModel } from '../engine/graph/build.ts'
import { TEMPLATES } from '../engine/graph/templates.ts'
import { sgd } from '../engine/optim/index.ts'
import { train } from '../engine/train/index.ts'
import { median } from './measure.ts'

/** images/s of `path`'s import (train and test splits), median of `reps` imports */
async function importRate(path: string, reps: number): Promise<number> {
  const rates: number[] = []
  for (let r = 0; r < reps; r++) {
    const start = performance.now()
    const imp = await importDataset(path)
    if (imp.bad.length) throw new Error(`${imp.bad.length} files were skipped: ${imp.bad[0].reason}`)
    const images = imp.train.length + (imp.test?.length ?? 0)
    rates.push(images / ((performance.now() - start) / 1000))
  }
  return median(rates)
}

/** the Debian package's four .gz files, read and inflated in full each time */
export const idxImportRate = (): Promise<number> => importRate(FASHION_DIR, 3)

/** 28×28 grey PNGs, `perClass` in each of 3 class folders: a shifted gradient plus a seeded speckle, so they do not compress to nothing */
function writePngFolder(root: string, perClass: number): void {
  let seed = 1
  for (const cls of ['circle', 'square', 'triangle']) {
    mkdirSync(join(root, cls))
    for (let i = 0; i < perClass; i++) {
      const png = new PNG({ width: 28, height: 28, colorType: 0, inputColorType: 0, inputHasAlpha: false })
      for (let p = 0; p < 28 * 28; p++) {
        seed = (seed * 1103515245 + 12345) >>> 0
        png.data[p] = ((p % 28) * 9 + i + (seed >>> 28)) & 255
      }
      writeFileSync(join(root, cls, `${i}.png`), PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }))
    }
  }
}

export async function imageFolderImportRate(quick: boolean): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'receptive-bench-pngs-'))
  try {
    writePngFolder(root, quick ? 1000 : 3000)
    return await importRate(root, quick ? 2 : 3)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/**
 * Percent of a LeNet-5 epoch (Fashion-MNIST's training split as the app loads it: 10% held out, standardised,
 * batch 64) spent in batches(): one pass of batches() alone over the same epoch's order, timed, against
 * the wall time of that epoch trained with train(), which draws its batches through batches() too.
 */
export async function loaderSharePct(): Promise<number> {
  const spec = parseDatasetSpec({ format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'fashion-mnist' } })
  const data = await loadDataset(spec)
  const order = { batchSize: 64, shuffle: true, seed: 0, epoch: 1 }
  const passes: number[] = []
  for (let r = 0; r < 3; r++) {
    const start = performance.now()
    let n = 0
    for (const b of batches(data.train, order)) n += b.count
    if (n !== data.train.length) throw new Error(`batches() gave ${n} samples of ${data.train.length}`)
    passes.push((performance.now() - start) / 1000)
  }
  const model = buildModel(TEMPLATES.lenet5.spec(), { seed: 0 })
  let epochSeconds = 0
  for await (const e of train({ model, data: data.train, optimizer: sgd({ lr: 0.01, momentum: 0.9 }), epochs: 1, batchSize: 64, seed: 0, reportEvery: 20 })) {
    if (e.type === 'epoch') epochSeconds = e.seconds
  }
  if (!epochSeconds) throw new Error('the training epoch did not finish')
  return (median(passes) / epochSeconds) * 100
}
