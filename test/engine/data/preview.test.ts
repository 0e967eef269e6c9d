// Preview samples for the Data panel: grey and RGB images pixel-interleaved in 0…255, out-of-range
// values stretched, a volume's middle slice, 1D signals as values, and a grid of a few per class.
import { describe, expect, it } from 'vitest'
import { ArrayDataset } from '../../../engine/data/dataset.ts'
import { previewGrid, previewSample } from '../../../engine/data/preview.ts'
import { importDataset } from '../../../engine/data/import.ts'
import { fixture } from './fixture-files.ts'

describe('preview', () => {
  it('gives 8-bit RGB pixels interleaved as the file holds them', async () => {
    const imp = await importDataset(fixture('cifar10'))
    const s = previewSample(imp.train, 1)
    expect(s).toMatchObject({ kind: 'image', index: 1, width: 32, height: 32, channels: 3 })
    // record 1, pixel (y, x) channel c = (7 + c*80 + 2y + x) % 256
    const px = (s as { pixels: Uint8Array }).pixels
    for (const [y, x, c] of [[0, 0, 0], [3, 5, 1], [31, 31, 2]]) expect(px[(y * 32 + x) * 3 + c]).toBe((7 + c * 80 + 2 * y + x) % 256)
  })

  it('stretches values outside [0, 1] from their minimum to maximum', () => {
    const ds = new ArrayDataset('f', [1, 1, 3], ['a'], Float32Array.from([-2, 0, 2]), new Int32Array(1))
    expect([...(previewSample(ds, 0) as { pixels: Uint8Array }).pixels]).toEqual([0, 128, 255])
  })

  it('shows the middle slice of a volume and the values of a signal', () => {
    const vol = new ArrayDataset('v', [1, 3, 2, 2], ['a'], Float32Array.from({ length: 12 }, (_, k) => k / 20), new Int32Array(1))
    expect([...(previewSample(vol, 0) as { pixels: Uint8Array }).pixels]).toEqual([4, 5, 6, 7].map((k) => Math.round((k / 20) * 255)))
    const sig = new ArrayDataset('s', [1, 4], ['a'], Float32Array.from([3, -1, 2, 5]), new Int32Array(1))
    expect(previewSample(sig, 0)).toEqual({ kind: 'signal', index: 0, values: Float32Array.from([3, -1, 2, 5]) })
  })

  it('picks the first samples of every class and counts each class', async () => {
    const imp = await importDataset(fixture('idx/raw'))
    const grid = previewGrid(imp.train, 1)
    expect(grid.map((g) => [g.name, g.count, g.samples.map((s) => s.index)])).toEqual([['0', 2, [0]], ['1', 2, [1]], ['2', 1, [2]]])
    expect(grid[0].samples[0]).toMatchObject({ kind: 'image', width: 4, height: 3, channels: 1 })
  })
})
