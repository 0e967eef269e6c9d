// Initialisers for weights: He (Kaiming) for ReLU nets and Glorot (Xavier) for tanh/sigmoid nets, each
// uniform or normal. They draw from a seeded generator on the host, so the same seed gives the same
// weights on every backend; the scale comes from the fan-in/fan-out the op table declares per weight.

export type Initializer = 'he-normal' | 'he-uniform' | 'glorot-normal' | 'glorot-uniform'

export const INITIALIZERS: readonly Initializer[] = ['he-normal', 'he-uniform', 'glorot-normal', 'glorot-uniform']

/** uniform floats in [0, 1) */
export type Rng = () => number

/** the standard deviation each initialiser aims for */
export function initStd(kind: Initializer, fanIn: number, fanOut: number): number {
  return kind.startsWith('he') ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut))
}

/** n values drawn for a weight with the given fans */
export function initValues(kind: Initializer, n: number, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const std = initStd(kind, fanIn, fanOut)
  const out = new Float32Array(n)
  if (kind.endsWith('uniform')) {
    // U(-a, a) has std a/√3
    const a = std * Math.sqrt(3)
    for (let i = 0; i < n; i++) out[i] = (2 * rng() - 1) * a
  } else {
    // Box-Muller, both values of each pair used
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - rng())) * std
      const t = 2 * Math.PI * rng()
      out[i] = r * Math.cos(t)
      if (i + 1 < n) out[i + 1] = r * Math.sin(t)
    }
  }
  return out
}
