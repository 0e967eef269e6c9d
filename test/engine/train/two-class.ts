// A generated two-class image task for training tests: a bright horizontal or vertical bar at a random
// position on a noisy 10×10 field; a small CNN separates them almost perfectly within a few epochs.
import { ArrayDataset } from '../../../engine/data/dataset.ts'
import { FORMAT, type ModelSpec } from '../../../engine/graph/index.ts'
import { gaussian, mulberry32 } from '../../../engine/data/random.ts'

const S = 10

export function bars(count: number, seed: number, name = 'bars'): ArrayDataset {
  const rng = mulberry32(seed)
  const x = new Float32Array(count * S * S)
  const labels = new Int32Array(count)
  for (let n = 0; n < count; n++) {
    const cls = n % 2
    const at = Math.floor(rng() * S)
    const [from, to] = [Math.floor(rng() * 4), 6 + Math.floor(rng() * 4)]
    for (let i = 0; i < S * S; i++) x[n * S * S + i] = 0.3 * gaussian(rng)
    for (let k = from; k <= to; k++) x[n * S * S + (cls === 0 ? at * S + k : k * S + at)] += 1
    labels[n] = cls
  }
  return new ArrayDataset(name, [1, S, S], ['horizontal', 'vertical'], x, labels)
}

/** conv 3×3 ×4 same, ReLU, max-pool 2, flatten, dense 2 */
export const smallCnn = (): ModelSpec => ({
  format: FORMAT,
  nodes: [
    { id: 'in', op: 'input', shape: [1, S, S] },
    { id: 'c1', op: 'conv', inputs: ['in'], filters: 4, kernel: [3, 3], padding: 'same' },
    { id: 'a1', op: 'relu', inputs: ['c1'] },
    { id: 'p1', op: 'maxpool', inputs: ['a1'], window: [2, 2] },
    { id: 'f', op: 'flatten', inputs: ['p1'] },
    { id: 'out', op: 'dense', inputs: ['f'], units: 2 },
  ],
  output: 'out',
})
