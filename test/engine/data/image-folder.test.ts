// Image-folder reader on PNGs and JPEGs written by Pillow (make-fixtures.py), assembled into class
// folders per test: grey, RGB and RGBA pixels, 16-bit PNG, JPEG against Pillow's decode, the fit /
// fill / stretch resize policies, mixed sizes, train/test split folders, and every bad-input case.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataError } from '../../../engine/data/errors.ts'
import type { ImportOptions } from '../../../engine/data/format.ts'
import { detectFormat, importDataset } from '../../../engine/data/import.ts'
import { fixture, range, readAll, scratch } from './fixture-files.ts'

/** a class-folder tree in a scratch folder: { 'cat/a.png': 'grey.png' } copies fixture images; strings of bytes write as they are */
function tree(files: Record<string, string | Uint8Array>, dirs: string[] = []): string {
  const root = scratch()
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true })
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(join(root, to, '..'), { recursive: true })
    if (typeof from === 'string') copyFileSync(fixture('images', from), join(root, to))
    else writeFileSync(join(root, to), from)
  }
  return root
}

// grey.png, 6 high × 5 wide: (y*40 + x*9) % 256; rgb.png: [grey, 255 − grey, (3·grey) % 256]
const grey = range(30).map((k) => (Math.floor(k / 5) * 40 + (k % 5) * 9) % 256)
const rgbPlanes = [...grey, ...grey.map((g) => 255 - g), ...grey.map((g) => (g * 3) % 256)]

const bytes255 = (x: number[]) => x.map((v) => Math.round(v * 255))
const open = async (root: string, options: ImportOptions = {}) => importDataset(root, options)

describe('image folder reader', () => {
  it('reads grey PNGs exactly as [1, H, W], classes from sorted folder names', async () => {
    const root = tree({ 'b/1.png': 'grey.png', 'a/1.png': 'grey.png', 'a/2.png': 'grey16.png' })
    expect((await detectFormat(root))?.id).toBe('image-folder')
    const imp = await open(root)
    expect(imp.format).toBe('image-folder')
    expect(imp.train.inputShape).toEqual([1, 6, 5])
    expect(imp.train.classes).toEqual(['a', 'b'])
    const { x, labels } = readAll(imp.train)
    expect(labels).toEqual([0, 0, 1])
    expect(bytes255(x)).toEqual([...grey, ...grey, ...grey])
    expect(imp.bad).toEqual([])
  })

  it('reads RGB exactly, drops the alpha of RGBA, and repeats grey over three channels in a colour set', async () => {
    const imp = await open(tree({ 'c/rgb.png': 'rgb.png', 'c/rgba.png': 'rgba.png', 'g/grey.png': 'grey.png' }))
    expect(imp.train.inputShape).toEqual([3, 6, 5])
    expect(imp.notes[0]).toBe('RGB 6×5')
    const { x } = readAll(imp.train)
    expect(bytes255(x)).toEqual([...rgbPlanes, ...rgbPlanes, ...grey, ...grey, ...grey])
  })

  it('turns colour into grey by ITU-R 601 luma when one channel is asked for', async () => {
    const imp = await open(tree({ 'c/rgb.png': 'rgb.png' }), { channels: 1 })
    const luma = grey.map((g, k) => Math.round(0.299 * g + 0.587 * (255 - g) + 0.114 * rgbPlanes[60 + k]))
    expect(bytes255(readAll(imp.train).x)).toEqual(luma)
  })

  it('decodes grey and RGB JPEGs within two levels of Pillow', async () => {
    const pillow = JSON.parse(readFileSync(fixture('images/jpeg-pixels.json'), 'utf8')) as Record<string, number[]>
    const g = readAll((await open(tree({ 'a/g.jpg': 'grey.jpg' }))).train).x
    const c = readAll((await open(tree({ 'a/c.jpg': 'rgb.jpg' }))).train).x
    expect(g).toHaveLength(256)
    expect(c).toHaveLength(768)
    bytes255(g).forEach((v, k) => expect(Math.abs(v - pillow['grey.jpg'][k])).toBeLessThanOrEqual(2))
    bytes255(c).forEach((v, k) => expect(Math.abs(v - pillow['rgb.jpg'][k])).toBeLessThanOrEqual(2))
  })

  describe('resize policies (wide.png: 8 high × 16 wide, columns 4–11 white, the rest black, into 8×8)', () => {
    // halving the width with the triangle filter; Pillow's resize((8, 8), BILINEAR) gives the same row
    const halved = [0, 32, 223, 255, 255, 223, 32, 0]
    const rows = (x: number[]) => range(8).map((r) => bytes255(x.slice(r * 8, r * 8 + 8)))

    it('stretch scales each axis on its own', async () => {
      const imp = await open(tree({ 'a/w.png': 'wide.png' }), { size: [8, 8], resize: 'stretch' })
      expect(rows(readAll(imp.train).x)).toEqual(range(8).map(() => halved))
    })

    it('fit keeps the aspect ratio and pads with black (letterbox)', async () => {
      const imp = await open(tree({ 'a/w.png': 'wide.png' }), { size: [8, 8], resize: 'fit' })
      const black = Array(8).fill(0)
      expect(rows(readAll(imp.train).x)).toEqual([black, black, halved, halved, halved, halved, black, black])
    })

    it('fill keeps the aspect ratio and crops the overflow from the centre', async () => {
      const imp = await open(tree({ 'a/w.png': 'wide.png' }), { size: [8, 8], resize: 'fill' })
      expect(rows(readAll(imp.train).x)).toEqual(range(8).map(() => Array(8).fill(255)))
      expect(imp.notes).toContain('1 image of another size resized (policy fill)')
    })
  })

  it('brings mixed sizes to the most common size by default, and rejects them with resizing off', async () => {
    const root = tree({ 'a/1.png': 'grey.png', 'a/2.png': 'grey.png', 'b/w.png': 'wide.png', 'b/3.png': 'grey.png' })
    const resized = await open(root)
    expect(resized.train.inputShape).toEqual([1, 6, 5])
    expect(resized.train.length).toBe(4)
    expect(resized.notes).toContain('1 image of another size resized (policy stretch)')
    const strict = await open(root, { resize: 'none' })
    expect(strict.train.length).toBe(3)
    expect(strict.bad).toEqual([{ file: join(root, 'b/w.png'), reason: 'image is 16×8, expected 5×6 (resizing is off)' }])
  })

  it('reads train/ and test/ split folders with one class list', async () => {
    const root = tree({ 'train/x/1.png': 'grey.png', 'train/y/1.png': 'grey.png', 'test/y/1.png': 'grey.png' })
    const imp = await open(root)
    expect(imp.train.classes).toEqual(['x', 'y'])
    expect(readAll(imp.train).labels).toEqual([0, 1])
    expect(imp.test!.classes).toEqual(['x', 'y'])
    expect(readAll(imp.test!).labels).toEqual([1])
  })

  describe('bad input', () => {
    const png = readFileSync(fixture('images/grey.png'))
    const bad = {
      'a/ok.png': 'grey.png', 'b/ok.png': 'grey.png',
      'a/notes.txt': new TextEncoder().encode('not an image'),
      'a/cut.png': png.subarray(0, 40),
      'b/head.png': png.subarray(0, 20),
      'b/anim.gif': new TextEncoder().encode('GIF89a......'),
      'b/cut.jpg': readFileSync(fixture('images/rgb.jpg')).subarray(0, 400),
    }
    const reasons = (root: string) => ({
      [join(root, 'a/cut.png')]: expect.stringMatching(/^truncated or corrupt PNG/),
      [join(root, 'a/notes.txt')]: 'is not a PNG or JPEG image',
      [join(root, 'b/anim.gif')]: 'is a GIF image; only PNG and JPEG are read',
      [join(root, 'b/head.png')]: 'truncated PNG (ends inside its header)',
      [join(root, 'b/cut.jpg')]: expect.stringMatching(/^truncated or corrupt JPEG/),
      [join(root, 'empty')]: 'class folder has no usable images',
    })

    it('skips non-images, truncated PNGs and empty class folders, reporting each file with its reason', async () => {
      const root = tree(bad, ['empty'])
      const imp = await open(root)
      expect(imp.train.length).toBe(2)
      expect(imp.train.classes).toEqual(['a', 'b'])
      expect(Object.fromEntries(imp.bad.map((b) => [b.file, b.reason]))).toEqual(reasons(root))
    })

    it('fails on the first bad file when asked to, naming it, and returns nothing', async () => {
      const root = tree(bad)
      const err = await open(root, { onBad: 'fail' }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DataError)
      // headers are checked for every file before any is decoded, so the text file is met first
      expect((err as DataError).file).toBe(join(root, 'a/notes.txt'))
      expect((err as Error).message).toBe(`${join(root, 'a/notes.txt')}: is not a PNG or JPEG image`)
    })

    it('fails with every skipped file when no image is usable', async () => {
      const root = tree({ 'a/notes.txt': new TextEncoder().encode('text'), 'b/cut.png': png.subarray(0, 40) })
      const err = await open(root, {}).catch((e: unknown) => e) as DataError
      expect(err).toBeInstanceOf(DataError)
      expect(err.message).toBe(`${root}: no usable images found (2 files skipped, 2 class folders left empty)`)
      expect(err.bad.map((b) => b.file).sort()).toEqual([join(root, 'a'), join(root, 'a/notes.txt'), join(root, 'b'), join(root, 'b/cut.png')])
    })
  })
})
