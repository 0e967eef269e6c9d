// "Waveforms": 1D signals of 128 samples, one of sine, square, triangle or sawtooth, with random
// frequency (2–8 periods), phase and amplitude plus Gaussian noise: a task for 1D convolutions.

import { gaussian, type Rng } from '../random.ts'
import { syntheticSplits, type SyntheticOptions } from './synthetic.ts'

export const WAVE_CLASSES = ['sine', 'square', 'triangle', 'sawtooth']
const LENGTH = 128

/** one period of each wave, phase t in [0, 1) → [-1, 1] */
const waves: ((t: number) => number)[] = [
  (t) => Math.sin(2 * Math.PI * t),
  (t) => (t < 0.5 ? 1 : -1),
  (t) => (t < 0.5 ? 4 * t - 1 : 3 - 4 * t),
  (t) => 2 * t - 1,
]

function draw(rng: Rng, cls: number, out: Float32Array): void {
  const periods = 2 + rng() * 6, phase = rng(), amp = 0.5 + rng() * 0.5
  for (let i = 0; i < LENGTH; i++) {
    const t = (phase + (i * periods) / LENGTH) % 1
    out[i] = amp * waves[cls](t) + 0.1 * gaussian(rng)
  }
}

export const waveforms = (options: SyntheticOptions = {}) => syntheticSplits('Waveforms', [1, LENGTH], WAVE_CLASSES, options, 2000, draw)
