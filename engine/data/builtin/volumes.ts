// "Volumes": 16×16×16 scans holding one solid (a ball, a cube, or a rod along a random axis) of
// random size at a random place, with Gaussian noise: a task for 3D convolutions.

import { gaussian, randInt, type Rng } from '../random.ts'
import { syntheticSplits, type SyntheticOptions } from './synthetic.ts'

export const VOLUME_CLASSES = ['ball', 'cube', 'rod']
const N = 16

function draw(rng: Rng, cls: number, out: Float32Array): void {
  const r = randInt(rng, 3, 5)
  const c = [0, 1, 2].map(() => randInt(rng, r, N - 1 - r))
  const axis = randInt(rng, 0, 2)
  for (let z = 0; z < N; z++) for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    const d = [z - c[0], y - c[1], x - c[2]]
    const inside = cls === 0 ? d[0] ** 2 + d[1] ** 2 + d[2] ** 2 <= r * r
      : cls === 1 ? d.every((v) => Math.abs(v) <= r - 1)
        : d.every((v, a) => (a === axis ? Math.abs(v) <= r + 2 : Math.abs(v) <= 1))
    out[(z * N + y) * N + x] = (inside ? 1 : 0) + 0.05 * gaussian(rng)
  }
}

export const volumes = (options: SyntheticOptions = {}) => syntheticSplits('Volumes', [1, N, N, N], VOLUME_CLASSES, options, 1200, draw)
