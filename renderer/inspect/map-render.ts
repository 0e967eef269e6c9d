// Feature maps as pictures: one grey picture per channel (a flat output wraps into a square grid), over the
// layer's value range so channels compare; the input drawn in colour when it has three channels. A 3D map
// shows its middle depth slice. Also the hover arithmetic: which value a pixel is, and the input box it sees.

import { blank, type Picture } from './pixels.ts'
import { level } from './filter-render.ts'

/** [height, width, depth slices] of one channel's picture for a map of this shape (channels first) */
export function planeOf(shape: number[]): { height: number; width: number; offset: number; channels: number } {
  if (shape.length === 1) {
    const width = Math.ceil(Math.sqrt(shape[0]))
    return { height: Math.ceil(shape[0] / width), width, offset: 0, channels: 1 }
  }
  const [c, ...spatial] = shape
  const width = spatial[spatial.length - 1]
  const height = spatial.length >= 2 ? spatial[spatial.length - 2] : 1
  const depth = spatial.length === 3 ? spatial[0] : 1
  return { height, width, offset: Math.floor(depth / 2) * height * width, channels: c }
}

/** the size of one channel's whole block of values */
const channelSize = (shape: number[]) => (shape.length === 1 ? shape[0] : shape.slice(1).reduce((a, b) => a * b, 1))

export function channelPicture(values: Float32Array, shape: number[], channel: number, lo: number, hi: number): Picture {
  const { height, width, offset } = planeOf(shape)
  const pic = blank(width, height)
  const base = channel * channelSize(shape) + offset
  const count = Math.min(width * height, channelSize(shape)) // a flat grid's last row may be short
  for (let i = 0; i < count; i++) {
    const g = level(values[base + i], { lo, hi })
    pic.pixels.set([g, g, g, 255], i * 4)
  }
  return pic
}

/** the model's input: colour for three channels, else its first channel in grey, each over its own range */
export function inputPicture(values: Float32Array, shape: number[], lo: number, hi: number): Picture {
  const { channels, height, width, offset } = planeOf(shape)
  if (channels !== 3) return channelPicture(values, shape, 0, lo, hi)
  const pic = blank(width, height)
  const size = channelSize(shape)
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) pic.pixels[i * 4 + c] = level(values[c * size + offset + i], { lo, hi })
    pic.pixels[i * 4 + 3] = 255
  }
  return pic
}

/** the value under pixel (y, x) of a channel's picture; null past the end of a flat grid */
export function valueAt(values: Float32Array, shape: number[], channel: number, y: number, x: number): number | null {
  const { width, offset } = planeOf(shape)
  const i = offset + y * width + x
  return i < channelSize(shape) ? values[channel * channelSize(shape) + i] : null
}

/** the input box [top, left, bottom, right] (inclusive, in the input's last two axes) a pixel sees */
export function fieldBox(field: [number, number][][], y: number, x: number): [number, number, number, number] | null {
  if (field.length === 0) return null
  const cols = field[field.length - 1][x]
  const rows = field.length >= 2 ? field[field.length - 2][y] : [0, 0]
  return [rows[0], cols[0], rows[1], cols[1]]
}

/** the map pixel under a pointer, from its position in an element showing the picture stretched */
export function pixelUnder(offsetX: number, offsetY: number, shownWidth: number, shownHeight: number, pic: { width: number; height: number }) {
  const x = Math.min(pic.width - 1, Math.max(0, Math.floor((offsetX / shownWidth) * pic.width)))
  const y = Math.min(pic.height - 1, Math.max(0, Math.floor((offsetY / shownHeight) * pic.height)))
  return { x, y }
}
