// Feature-map pictures and hover arithmetic: channels over the layer's range, a flat output wrapped into a
// square grid, the middle slice of a volume, the value under the pointer and the receptive-field box.

import { describe, expect, it } from 'vitest'
import { channelPicture, fieldBox, inputPicture, pixelUnder, planeOf, valueAt } from '../../../renderer/inspect/map-render.ts'

describe('feature-map pictures', () => {
  it('draws one channel of a C×H×W map over the given range', () => {
    const values = Float32Array.from([0, 1, 2, 3, /* channel 1 */ 4, 5, 6, 8])
    const pic = channelPicture(values, [2, 2, 2], 1, 0, 8)
    expect([pic.width, pic.height]).toEqual([2, 2])
    expect([0, 1, 2, 3].map((i) => pic.pixels[i * 4])).toEqual([128, 159, 191, 255])
    expect(valueAt(values, [2, 2, 2], 1, 1, 0)).toBe(6)
  })

  it('wraps a flat output into a square grid and leaves the rest transparent', () => {
    const values = Float32Array.from([0, 1, 2, 3, 4])
    expect(planeOf([5])).toMatchObject({ width: 3, height: 2 })
    const pic = channelPicture(values, [5], 0, 0, 4)
    expect(pic.pixels[4 * 4]).toBe(255)
    expect(pic.pixels[5 * 4 + 3]).toBe(0)
    expect(valueAt(values, [5], 0, 1, 1)).toBe(4)
    expect(valueAt(values, [5], 0, 1, 2)).toBeNull()
  })

  it('shows the middle depth slice of a volume and an RGB input in colour', () => {
    const vol = Float32Array.from({ length: 3 * 1 * 1 }, (_, i) => i) // 1 channel, depth 3, 1×1
    expect(valueAt(vol, [1, 3, 1, 1], 0, 0, 0)).toBe(1)
    const rgb = inputPicture(Float32Array.from([1, 0, 0.5]), [3, 1, 1], 0, 1)
    expect([...rgb.pixels]).toEqual([255, 0, 128, 255])
  })

  it('finds the pixel under the pointer and the input box it sees', () => {
    expect(pixelUnder(25, 79, 100, 80, { width: 4, height: 8 })).toEqual({ x: 1, y: 7 })
    expect(pixelUnder(-3, 500, 100, 80, { width: 4, height: 8 })).toEqual({ x: 0, y: 7 })
    const field: [number, number][][] = [[[0, 4], [2, 6]], [[0, 2], [1, 3], [2, 4]]]
    expect(fieldBox(field, 1, 2)).toEqual([2, 2, 6, 4])
    expect(fieldBox([], 0, 0)).toBeNull()
  })
})
