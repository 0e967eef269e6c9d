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
  wgsl: ({ dist, seed, a, b = 1 }, { outputs: [n] }) => ({
    inputs: [], outputs: ['y'], invocations: n, header: hashWgsl,
    // bernoulli compares the raw hash with ⌈a·2³²⌉, which is exactly the CPU's uniformAt(seed, i) < a
    uniforms: {
      seed: ['u32', seed], a: ['f32', a], b: ['f32', b],
      below: ['u32', Math.min(Math.max(Math.ceil(a * 2 ** 32), 0), 2 ** 32 - 1)], all: ['u32', a >= 1 ? 1 : 0],
    },
    body: {
      uniform: 'y[i] = u.a + (u.b - u.a) * f32(hash2(u.seed, i)) * TWO_M32;',
      normal: `let w = f32(hash2(u.seed, 2u * i)) * TWO_M32; let v = f32(hash2(u.seed, 2u * i + 1u)) * TWO_M32;
y[i] = u.a + u.b * sqrt(2.0 * neg_log1m(w)) * cos_2pi(v);`,
      bernoulli: 'y[i] = select(0.0, 1.0, u.all == 1u || hash2(u.seed, i) < u.below);',
    }[dist],
  }),
})

/**
 * engine/random.ts's hash2 in WGSL (u32 products wrap as Math.imul's do), and Box-Muller's −log(1 − w) and
 * cos(2πv) in float32 arithmetic: GPU log and cos may be off by 2⁻²¹ and 2⁻¹¹ absolute (Vulkan's bounds),
 * which would move a normal draw by up to 1e-3.
 */
const hashWgsl = `const TWO_M32: f32 = 2.3283064365386963e-10;
fn neg_log1m(w: f32) -> f32 {
  if (w >= 0.25) { return -log(1.0 - w); }
  var term = w; var sum = 0.0;
  for (var k = 1.0; k < 16.0; k += 1.0) { sum += term / k; term *= w; }
  return sum;
}
fn cos_2pi(v: f32) -> f32 {
  var t = abs(v - round(v));
  var s = 1.0;
  if (t > 0.25) { t = 0.5 - t; s = -1.0; }
  let x = 6.283185307179586 * t; let x2 = x * x;
  return s * (1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 / 479001600.0))))));
}
fn hash2(seed: u32, index: u32) -> u32 {
  var h = (seed ^ 0x9e3779b9u) * 0x85ebca6bu;
  h ^= h >> 13u;
  h = (h ^ index) * 0xcc9e2d51u;
  h ^= h >> 15u;
  h = h * 0x85ebca6bu;
  h ^= h >> 13u;
  h = h * 0xc2b2ae35u;
  h ^= h >> 16u;
  return h;
}`
