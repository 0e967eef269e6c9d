// Rules for a node's fields: each checks one value of an untrusted spec and says in words what is wrong.
// The op table lists which rule applies to which field; validate.ts runs them. Limits keep a hostile spec
// from describing absurd sizes.

/** largest size accepted for any one dimension, filter count or unit count */
export const MAX_SIZE = 1 << 16

export interface FieldRule {
  required?: boolean
  /** null when the value is fine, else what is wrong with it */
  check(value: unknown): string | null
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

export const int = (min: number, required = false): FieldRule => ({
  required,
  check: (v) => (isInt(v) && v >= min && v <= MAX_SIZE ? null : `must be a whole number from ${min} to ${MAX_SIZE}`),
})

/** a size per axis: a list of 1 to maxLen whole numbers ≥ min */
export const ints = (min: number, required = false, maxLen = 3): FieldRule => ({
  required,
  check: (v) =>
    Array.isArray(v) && v.length >= 1 && v.length <= maxLen && v.every((x) => isInt(x) && x >= min && x <= MAX_SIZE)
      ? null
      : `must be a list of 1 to ${maxLen} whole numbers from ${min} to ${MAX_SIZE}`,
})

export const bool: FieldRule = { check: (v) => (typeof v === 'boolean' ? null : 'must be true or false') }

/** a finite number in [min, max], or (min, max] / [min, max) where the ends are excluded */
export const num = (min: number, max: number, opts: { openMin?: boolean; openMax?: boolean } = {}): FieldRule => ({
  check: (v) => {
    const ok = typeof v === 'number' && Number.isFinite(v)
      && (opts.openMin ? v > min : v >= min) && (opts.openMax ? v < max : v <= max)
    return ok ? null : `must be a number ${opts.openMin ? 'above' : 'from'} ${min} ${opts.openMax ? 'and below' : 'to'} ${max}`
  },
})

export const oneOf = (...values: string[]): FieldRule => ({
  check: (v) => (typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.map((x) => `'${x}'`).join(', ')}`),
})

export const padding: FieldRule = {
  check: (v) => {
    if (v === 'valid' || v === 'same' || v === 'full') return null
    const pair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((x) => isInt(x) && x >= 0 && x <= MAX_SIZE)
    return Array.isArray(v) && v.length >= 1 && v.length <= 3 && v.every(pair)
      ? null
      : `must be 'valid', 'same', 'full' or a list of [low, high] pads per spatial axis`
  },
}
