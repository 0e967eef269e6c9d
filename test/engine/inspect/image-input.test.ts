// A dropped picture as model input: the same size passes pixels through (grey by luminance, or RGB),
// transparency is black, a larger picture is averaged down bilinearly, normalisation is the dataset's.

import { describe, expect, it } from 'vitest'
import { imageToSample } from '../../../engine/inspect/index.ts'

const rgba = (w: number, h: number, at: (x: number, y: number) => [number, number, number, number]) => {
  const pixels = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels.set(at(x, y), (y * w + x) * 4)
  return { width: w, height: h, pixels }
}

describe('imageToSample', () => {
  it('keeps a same-size picture, as grey by luminance or as RGB, transparent pixels black', () => {
    const img = rgba(2, 1, (x) => (x === 0 ? [255, 0, 0, 255] : [255, 255, 255, 0]))
    const grey = imageToSample(img, [1, 1, 2], null)
    expect(grey[0]).toBeCloseTo(0.299, 6)
    expect(grey[1]).toBe(0)
    expect([...imageToSample(img, [3, 1, 2], null)]).toEqual([1, 0, 0, 0, 0, 0])
  })

  it('shrinks by bilinear sampling at pixel centres and normalises per channel', () => {
    // 4×1 ramp 0, 85, 170, 255 to 2×1: centres fall between pixels 0,1 and 2,3
    const img = rgba(4, 1, (x) => [x * 85, x * 85, x * 85, 255])
    const out = imageToSample(img, [1, 1, 2], { mean: [0.5], std: [0.25] })
    expect(out[0]).toBeCloseTo((42.5 / 255 - 0.5) / 0.25, 5)
    expect(out[1]).toBeCloseTo((212.5 / 255 - 0.5) / 0.25, 5)
  })

  it('refuses models without a 2D input and byte counts that do not fit', () => {
    expect(() => imageToSample(rgba(1, 1, () => [0, 0, 0, 255]), [1, 16], null)).toThrow(/2D inputs/)
    expect(() => imageToSample({ width: 2, height: 2, pixels: new Uint8Array(3) }, [1, 2, 2], null)).toThrow(/RGBA/)
  })
})
