// Python spelling for generated code: identifiers from node ids (anything else becomes "_", keywords
// and names model.py already uses get a suffix) and literals for numbers, tuples and strings.

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
  'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '))
// module-level names of model.py and the forward's own argument
const TAKEN = new Set(['x', 'self', 'np', 'torch', 'nn', 'F', 'os', 'math', 'load', 'Model', 'input', 'super', 'patches',
  'Unshared', 'Tiled', 'LpPool', 'AvgPoolPadded', 'ChannelPool', 'INPUT_SHAPE', 'CLASSES', 'MEAN', 'STD', 'WEIGHTS', 'FLIPPED'])

/** a unique Python identifier per node id */
export function pythonNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>()
  const out = new Map<string, string>()
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_')
    if (/^[0-9]/.test(base) || base === '') base = `n_${base}`
    if (KEYWORDS.has(base) || TAKEN.has(base)) base = `${base}_`
    let name = base
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`
    used.add(name)
    out.set(id, name)
  }
  return out
}

/** a number as Python reads it back exactly (JavaScript's shortest round-trip form) */
export const num = (v: number): string => String(v)

/** a tuple literal: (3,) for one element */
export const tuple = (vs: readonly number[]): string => (vs.length === 1 ? `(${num(vs[0])},)` : `(${vs.map(num).join(', ')})`)

/** a string literal (JSON's escapes are valid Python for the names we write) */
export const str = (s: string): string => JSON.stringify(s)

/** F.pad's argument: [lo, hi] per spatial axis, last axis first */
export const padArg = (pads: readonly [number, number][]): string => tuple([...pads].reverse().flat())

export const padded = (pads: readonly [number, number][]): boolean => pads.some(([lo, hi]) => lo !== 0 || hi !== 0)

export const symmetric = (pads: readonly [number, number][]): boolean => pads.every(([lo, hi]) => lo === hi)
