// Seeded random fill: uniform in [a, b), normal with mean a and std b, or bernoulli (1 with probability a).
// Element i depends only on (seed, i) (engine/random.ts), so every device and thread split agree.
import { defineKernel } from './kernel.ts'
import { normalAt, uniformAt } from '../random.ts'

export interface RandomFillParams {
  dist: 'uniform' | 'normal' | 'bernoulli'
  seed: number
  a: number
  b?: number
}

export const randomFill = defineKernel<RandomFillParams>({
  name: 'randomFill',
  cpu(_, [y], { dist, seed, a, b = 1 }) {
    if (dist === 'uniform') for (let i = 0; i < y.length; i++) y[i] = a + (b - a) * uniformAt(seed, i)
    else if (dist === 'normal') for (let i = 0; i < y.length; i++) y[i] = a + b * normalAt(seed, i)
    else for (let i = 0; i < y.length; i++) y[i] = uniformAt(seed, i) < a ? 1 : 0
  },
})
