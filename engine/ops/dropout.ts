// Dropout (inverted): while training, keeps each value with probability 1 − p and scales it by 1/(1 − p),
// so inference is the identity. The mask comes from a seeded fill, so a seed replays the same mask.
import { record } from '../autograd.ts'
import { randomFill } from '../kernels/random-fill.ts'
import type { Tensor } from '../tensor.ts'
import { binaryRaw, unaryRaw } from './arith.ts'
import { launch } from './dispatch.ts'

export interface DropoutOptions {
  training: boolean
  /** mask seed; without one, each call draws a fresh seed from a counter */
  seed?: number
}

let calls = 0

export function dropout(x: Tensor, p: number, { training, seed }: DropoutOptions): Tensor {
  if (!(p >= 0 && p <= 1)) throw new Error(`dropout: p must be in [0, 1], got ${p}`)
  if (!training || p === 0) return x
  const keep = launch(randomFill, [], x.shape, { dist: 'bernoulli', seed: seed ?? 0x2545f491 + calls++, a: 1 - p }, 'f32', x.backend)
  const mask = p === 1 ? keep : unaryRaw('mulScalar', keep, 1 / (1 - p))
  return record('dropout', binaryRaw('mul', x, mask), [x], (g) => [binaryRaw('mul', g, mask)])
}
