// Counter-based seeded randomness for weight init, dropout masks and random fill. Value i of a stream
// depends only on (seed, i), so a CPU loop and a GPU thread per element draw the same numbers, and a
// fill never depends on how the work was split. Same mixing idea as engine/data/random.ts (murmur3 steps).

/** 32-bit hash of (seed, index): murmur3's finaliser over both words */
export function hash2(seed: number, index: number): number {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ (index >>> 0), 0xcc9e2d51)
  h ^= h >>> 15
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** uniform in [0, 1) for element i of the stream `seed` */
export const uniformAt = (seed: number, i: number): number => hash2(seed, i) / 4294967296

/** standard normal for element i (Box-Muller over two independent draws) */
export function normalAt(seed: number, i: number): number {
  const u = 1 - uniformAt(seed, 2 * i)
  const v = uniformAt(seed, 2 * i + 1)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** derives an independent seed for a named sub-stream (e.g. a layer's weights from the run seed) */
export const deriveSeed = (seed: number, stream: number): number => hash2(seed ^ 0x5bd1e995, stream)
