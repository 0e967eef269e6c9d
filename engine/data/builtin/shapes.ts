// "Shapes": filled circles, squares and triangles of random size at random positions on a black
// 28×28 field: the data that shows translation invariance (a conv net learns them wherever they are).
// Edges are anti-aliased by 4×4 supersampling.

import { randInt, type Rng } from '../random.ts'
import { syntheticSplits, type SyntheticOptions } from './synthetic.ts'

export const SHAPE_CLASSES = ['circle', 'square', 'triangle']
const SIZE = 28
const SUB = 4

/** whether point (x, y), relative to the shape centre, is inside a shape of radius r */
const inside: ((x: number, y: number, r: number) => boolean)[] = [
  (x, y, r) => x * x + y * y <= r * r,
  (x, y, r) => Math.abs(x) <= r * 0.85 && Math.abs(y) <= r * 0.85,
  // upward triangle: apex at (0, -r), base at y = r/2 … a band that narrows towards the apex
  (x, y, r) => y <= r * 0.6 && y >= -r && Math.abs(x) <= ((y + r) / (1.6 * r)) * r * 0.95,
]

function draw(rng: Rng, cls: number, out: Float32Array): void {
  const r = randInt(rng, 4, 9)
  const cx = randInt(rng, r, SIZE - 1 - r) + 0.5, cy = randInt(rng, r, SIZE - 1 - r) + 0.5
  const test = inside[cls]
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SUB; sy++) for (let sx = 0; sx < SUB; sx++) {
        if (test(x + (sx + 0.5) / SUB - cx, y + (sy + 0.5) / SUB - cy, r)) hits++
      }
      out[y * SIZE + x] = hits / (SUB * SUB)
    }
  }
}

export const shapes = (options: SyntheticOptions = {}) => syntheticSplits('Shapes', [1, SIZE, SIZE], SHAPE_CLASSES, options, 3000, draw)
