// How the properties panel shows and reads each field of a layer: its label, the kind of input, the
// default a blank field means, and the parsing of what the user typed ("5×5", "5, 5" or just "5").
// Whether a parsed value is allowed is decided by the op table's own field rules, so the reasons the
// panel gives are the same words validation uses.
import { OPS, type OpDef, type OpName } from '../../engine/graph/index.ts'

export type FieldKind = 'int' | 'ints' | 'number' | 'bool' | 'choice' | 'padding'

export interface FieldForm {
  name: string
  label: string
  kind: FieldKind
  /** one line on what the field does */
  help: string
  /** what a blank field means; absent for required fields */
  placeholder?: string
  choices?: string[]
}

type Known = Omit<FieldForm, 'name'>

const KNOWN: Record<string, Known> = {
  shape: { label: 'Shape', kind: 'ints', help: 'channels × spatial size of one example, e.g. 1×28×28' },
  filters: { label: 'Filters', kind: 'int', help: 'how many feature maps it makes' },
  kernel: { label: 'Kernel', kind: 'ints', help: 'the size of each filter' },
  stride: { label: 'Stride', kind: 'ints', help: 'how far the window moves each step', placeholder: '1' },
  padding: { label: 'Padding', kind: 'padding', help: 'zeros added around the input', placeholder: 'valid' },
  dilation: { label: 'Dilation', kind: 'ints', help: 'gaps between kernel taps', placeholder: '1' },
  flip: { label: 'Flip kernel (true convolution)', kind: 'bool', help: 'off: cross-correlation, as most libraries do', placeholder: 'false' },
  bias: { label: 'Bias', kind: 'bool', help: 'adds a learned offset per output', placeholder: 'true' },
  tiles: { label: 'Tiles', kind: 'int', help: 'the t of the t×t filter sets that take turns' },
  window: { label: 'Window', kind: 'ints', help: 'the size of each pooling window' },
  p: { label: 'Power p', kind: 'number', help: 'the norm taken over each window', placeholder: '2' },
  groupSize: { label: 'Group size', kind: 'int', help: 'how many neighbouring channels pool into one' },
  mode: { label: 'Mode', kind: 'choice', help: 'how each group is pooled', placeholder: 'max', choices: ['max', 'avg'] },
  units: { label: 'Units', kind: 'int', help: 'how many outputs' },
  slope: { label: 'Slope', kind: 'number', help: 'the factor for negative values', placeholder: '0.01' },
  rate: { label: 'Rate', kind: 'number', help: 'the chance each value is dropped while training', placeholder: '0.5' },
  eps: { label: 'Epsilon', kind: 'number', help: 'added to the variance to avoid dividing by zero', placeholder: '1e-5' },
  momentum: { label: 'Momentum', kind: 'number', help: 'how fast the running statistics follow the batches', placeholder: '0.1' },
}

const defOf = (op: OpName) => OPS[op] as unknown as OpDef

/** the fields of an op, in the op table's order */
export function formsFor(op: OpName): FieldForm[] {
  return Object.keys(defOf(op).fields).map((name) => ({ name, ...(KNOWN[name] ?? { label: name, kind: 'number', help: '' }) }))
}

/** the text a field shows for a stored value ('' for an absent one, so its placeholder shows) */
export function formatValue(form: FieldForm, value: unknown): string {
  if (value === undefined) return ''
  if (form.kind === 'ints' && Array.isArray(value)) return value.join('×')
  if (form.kind === 'padding' && Array.isArray(value)) return value.map((p) => (Array.isArray(p) ? p.join(',') : String(p))).join('; ')
  return String(value)
}

export type Parsed = { value: unknown } | { error: string }

const wholeList = (text: string): number[] | null => {
  const parts = text.trim().split(/\s*[×x*,;\s]\s*/i)
  const nums = parts.map((p) => (/^[+-]?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN))
  return nums.every((n) => Number.isFinite(n)) ? nums : null
}

/** explicit padding: "2" (both sides, every axis), "1,2" (low,high on every axis) or "1,1; 2,2" per axis */
function parsePadding(text: string, rank: number): unknown {
  const axes = text.split(';').map((a) => wholeList(a))
  if (axes.some((a) => !a || a.length > 2)) return text
  const pairs = (axes as number[][]).map((a) => (a.length === 1 ? [a[0], a[0]] : a))
  return pairs.length === 1 ? Array.from({ length: rank }, () => [...pairs[0]]) : pairs
}

/** reads what the user typed; rank widens a single size to every spatial axis ("5" → 5×5 on images) */
export function parseValue(form: FieldForm, text: string, rank: number): Parsed {
  const t = text.trim()
  if (t === '') return { value: undefined }
  switch (form.kind) {
    case 'int': case 'number': {
      const n = Number(t)
      return Number.isFinite(n) ? { value: n } : { error: 'must be a number' }
    }
    case 'ints': {
      const list = wholeList(t)
      if (!list) return { error: 'must be sizes such as 5×5' }
      return { value: list.length === 1 && form.name !== 'shape' ? Array.from({ length: rank }, () => list[0]) : list }
    }
    case 'bool': return t === 'true' || t === 'false' ? { value: t === 'true' } : { error: 'must be true or false' }
    case 'choice': return { value: t }
    case 'padding': return { value: ['valid', 'same', 'full'].includes(t) ? t : parsePadding(t, rank) }
  }
}

/** null when the op accepts this value for the field, else the reason (a blank required field included) */
export function fieldProblem(op: OpName, name: string, value: unknown): string | null {
  const rule = defOf(op).fields[name]
  if (!rule) return 'is not a field of this layer'
  if (value === undefined) return rule.required ? 'is required' : null
  return rule.check(value)
}
