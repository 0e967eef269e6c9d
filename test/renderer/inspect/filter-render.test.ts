// Filter normalisation drawn on a canvas, on known values: per filter, per layer and symmetric around zero,
// in grey and RGB, with one transparent pixel between tiles; painting hands the exact bytes to the context.

import { describe, expect, it } from 'vitest'
import { filterPicture, layerPictures, layerRange, level, type Group } from '../../../renderer/inspect/filter-render.ts'
import { paint } from '../../../renderer/inspect/pixels.ts'
import { decodeFloats } from '../../../renderer/inspect/wire.ts'

/** a canvas whose 2D context records what was put on it */
function recordingCanvas() {
  const puts: { data: Uint8ClampedArray; dx: number; dy: number }[] = []
  const ctx = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (image: { data: Uint8ClampedArray }, dx: number, dy: number) => puts.push({ data: image.data, dx, dy }),
  }
  return { canvas: { width: 0, height: 0, getContext: () => ctx }, puts }
}

/** grey level of picture pixel (x, y), or null where transparent */
const greyAt = (data: Uint8ClampedArray, width: number, x: number, y: number) => {
  const p = (y * width + x) * 4
  return data[p + 3] === 0 ? null : data[p]
}

// two single-channel 1×2 filters: [0, 2] and [-4, 4]
const grey: Group = { filters: 2, channels: 1, height: 1, width: 2, values: Float32Array.from([0, 2, -4, 4]) }

describe('filter pictures', () => {
  it('normalises per filter: each filter spans black to white', () => {
    const { canvas, puts } = recordingCanvas()
    const pic = filterPicture(grey, false, 'filter', layerRange([grey], 'filter'))
    paint(canvas, pic)
    // two filters side by side (ceil(sqrt(2)) = 2 per row): 2 + 1 gap + 2 pixels wide, one high
    expect([canvas.width, canvas.height]).toEqual([5, 1])
    const data = puts[0].data
    expect([0, 1, 2, 3, 4].map((x) => greyAt(data, 5, x, 0))).toEqual([0, 255, null, 0, 255])
  })

  it('normalises per layer: one range for all filters', () => {
    const { canvas, puts } = recordingCanvas()
    paint(canvas, filterPicture(grey, false, 'layer', layerRange([grey], 'layer')))
    // range [-4, 4]: 0 → 127.5 → 128, 2 → 191.25 → 191
    expect([0, 1, 3, 4].map((x) => greyAt(puts[0].data, 5, x, 0))).toEqual([128, 191, 0, 255])
  })

  it('normalises symmetrically: zero is mid grey, the largest magnitude black or white', () => {
    const g: Group = { filters: 1, channels: 1, height: 1, width: 3, values: Float32Array.from([0, 1, -2]) }
    const range = layerRange([g], 'symmetric')
    expect(range).toEqual({ lo: -2, hi: 2 })
    const { canvas, puts } = recordingCanvas()
    paint(canvas, filterPicture(g, false, 'symmetric', range))
    expect([0, 1, 2].map((x) => greyAt(puts[0].data, 3, x, 0))).toEqual([128, 191, 0])
  })

  it('draws an RGB filter in colour and deeper filters as one tile per input channel', () => {
    // one filter, 3 channels of 1×1: r = 1, g = 0, b = -1
    const rgb: Group = { filters: 1, channels: 3, height: 1, width: 1, values: Float32Array.from([1, 0, -1]) }
    const colour = filterPicture(rgb, true, 'filter', layerRange([rgb], 'filter'))
    expect([colour.width, colour.height]).toEqual([1, 1])
    expect([...colour.pixels]).toEqual([255, 128, 0, 255])
    const tiles = filterPicture(rgb, false, 'filter', layerRange([rgb], 'filter'))
    expect([tiles.width, tiles.height]).toEqual([5, 1]) // three tiles with gaps
    expect([0, 2, 4].map((x) => greyAt(tiles.pixels, 5, x, 0))).toEqual([255, 128, 0])
  })

  it('wraps multi-channel filters into a squarish picture, filters two pixels apart', () => {
    // four filters of two 1×1 channels; filter k, channel t holds 2k + t
    const g: Group = { filters: 4, channels: 2, height: 1, width: 1, values: Float32Array.from({ length: 8 }, (_, i) => i) }
    const pic = filterPicture(g, false, 'layer', layerRange([g], 'layer'))
    expect([pic.width, pic.height]).toEqual([8, 3])
    const at = (x: number, y: number) => greyAt(pic.pixels, 8, x, y)
    // row 0: filter 0 at x 0, 2; filter 1 at x 5, 7; row 2: filters 2 and 3
    expect([at(0, 0), at(1, 0), at(2, 0), at(3, 0), at(4, 0), at(5, 0), at(7, 0)]).toEqual([0, null, 36, null, null, 73, 109])
    expect([at(0, 1), at(0, 2), at(7, 2)]).toEqual([null, 146, 255])
  })

  it('gives a constant filter mid grey and shares the layer range across tiled groups', () => {
    expect(level(3, { lo: 3, hi: 3 })).toBe(128)
    const wire = (values: number[]) => ({ label: '', filters: 1, channels: 1, height: 1, width: 1,
      values: Buffer.from(Float32Array.from(values).buffer).toString('base64') })
    const set = { node: 't', op: 'tiled', rgb: false, position: null, positions: null, groups: [wire([1]), wire([3])] }
    const pics = layerPictures(set, decodeFloats, 'layer')
    expect(pics.map((p) => p.picture.pixels[0])).toEqual([0, 255])
  })
})
