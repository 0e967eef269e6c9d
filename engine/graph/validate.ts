// Structural validation of an untrusted spec: format version, ids, ops, fields, inputs, cycles, the output.
// Collects every issue (the editor marks every bad node at once) and orders the sound nodes so that each
// comes after its inputs. Shapes are checked afterwards, by infer.ts.

import { isOpName, opOf } from './op-table.ts'
import { FORMAT, type GraphIssue, type ModelSpec, type NodeSpec } from './spec.ts'

export const MAX_NODES = 10_000
const ID = /^[A-Za-z0-9_-]{1,64}$/
const BASE_FIELDS = new Set(['id', 'op', 'inputs'])
const TOP_FIELDS = new Set(['format', 'nodes', 'output'])

export interface Checked {
  /** the spec, typed; only meaningful where no issue names the whole graph */
  spec: ModelSpec
  /** nodes with sound fields and inputs, inputs first; nodes on or after a cycle are left out */
  order: NodeSpec[]
  issues: GraphIssue[]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function checkFormat(raw: unknown): string | null {
  if (!isObject(raw)) return 'a model spec must be a JSON object'
  const f = raw.format
  if (f === FORMAT) return null
  if (typeof f === 'string' && f.startsWith('receptive.graph/')) {
    return `the model is in format ${f}, which this version of Receptive cannot read (it reads ${FORMAT})`
  }
  return `not a Receptive model spec: format must be "${FORMAT}"`
}

/** field-level issues of one node; empty when it is sound */
function checkNode(raw: unknown, index: number): GraphIssue[] {
  if (!isObject(raw)) return [{ message: `node ${index + 1} is not an object` }]
  const node = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : undefined
  if (!node) return [{ message: `node ${index + 1} needs an id of 1 to 64 letters, digits, '_' or '-'` }]
  if (!isOpName(raw.op)) return [{ node, message: `unknown op ${JSON.stringify(raw.op)}` }]
  const op = raw.op
  const def = opOf(raw as unknown as NodeSpec)
  const issues: GraphIssue[] = []
  const inputs = raw.inputs ?? []
  if (!Array.isArray(inputs) || !inputs.every((x) => typeof x === 'string')) {
    issues.push({ node, op, field: 'inputs', message: 'must be a list of node ids' })
  } else if (inputs.length < def.inputs.min || inputs.length > def.inputs.max) {
    const { min, max } = def.inputs
    const want = max === 0 ? 'no inputs' : min === max ? `${min} input${min > 1 ? 's' : ''}` : `${min} to ${max} inputs`
    issues.push({ node, op, message: `takes ${want} but has ${inputs.length}${inputs.length === 0 ? '; connect one' : ''}` })
  }
  for (const [field, value] of Object.entries(raw)) {
    if (BASE_FIELDS.has(field)) continue
    const rule = def.fields[field]
    const problem = rule ? rule.check(value) : 'is not a field of this op'
    if (problem) issues.push({ node, op, field, message: problem })
  }
  for (const [field, rule] of Object.entries(def.fields)) {
    if (rule.required && raw[field] === undefined) issues.push({ node, op, field, message: 'is required' })
  }
  return issues
}

/** inputs-first order of the sound nodes (Kahn); reports each cycle once, on every node along it.
 * inputs that are missing or unsound count as given, so the nodes after them still get placed */
function order(nodes: NodeSpec[], issues: GraphIssue[]): NodeSpec[] {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const inputsOf = (n: NodeSpec) => [...new Set(n.inputs ?? [])].filter((i) => byId.has(i))
  const waiting = new Map(nodes.map((n) => [n.id, inputsOf(n).length]))
  const users = new Map<string, string[]>()
  for (const n of nodes) for (const i of inputsOf(n)) users.set(i, [...(users.get(i) ?? []), n.id])
  const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id)
  for (let k = 0; k < ready.length; k++) {
    for (const u of users.get(ready[k]) ?? []) {
      const left = waiting.get(u)! - 1
      waiting.set(u, left)
      if (left === 0) ready.push(u)
    }
  }
  // what is left lies on or after a cycle; peel off nodes that feed nothing left until only loops remain
  const left = new Set(nodes.filter((n) => waiting.get(n.id)! > 0).map((n) => n.id))
  for (let peeled = true; peeled;) {
    peeled = false
    for (const id of left) {
      if (!(users.get(id) ?? []).some((u) => left.has(u))) { left.delete(id); peeled = true }
    }
  }
  const reported = new Set<string>()
  for (const start of left) {
    const path: string[] = []
    let at = start
    while (!path.includes(at)) {
      path.push(at)
      at = inputsOf(byId.get(at)!).find((i) => left.has(i))!
    }
    const cycle = path.slice(path.indexOf(at))
    if (cycle.some((id) => reported.has(id))) continue
    const words = [...cycle].reverse().concat(cycle[cycle.length - 1]).join(' → ')
    for (const id of cycle) {
      reported.add(id)
      issues.push({ node: id, op: byId.get(id)!.op, message: `is part of a cycle: ${words}` })
    }
  }
  return ready.map((id) => byId.get(id)!)
}

export function validateSpec(raw: unknown): Checked {
  const empty = { spec: raw as ModelSpec, order: [] }
  const bad = checkFormat(raw)
  if (bad) return { ...empty, issues: [{ message: bad }] }
  const spec = raw as Record<string, unknown>
  const issues: GraphIssue[] = Object.keys(spec).filter((k) => !TOP_FIELDS.has(k)).map((k) => ({ message: `unknown top-level field '${k}'` }))
  if (!Array.isArray(spec.nodes)) return { ...empty, issues: [...issues, { message: 'nodes must be a list' }] }
  if (spec.nodes.length > MAX_NODES) return { ...empty, issues: [...issues, { message: `a model may have at most ${MAX_NODES} nodes` }] }

  const ids = new Set<string>()
  const sound: NodeSpec[] = []
  spec.nodes.forEach((raw: unknown, index: number) => {
    const own = checkNode(raw, index)
    const id = isObject(raw) ? raw.id : undefined
    if (typeof id === 'string' && ids.has(id)) own.push({ node: id, message: `id '${id}' is used by more than one node` })
    if (typeof id === 'string') ids.add(id)
    issues.push(...own)
    if (own.length === 0) sound.push(raw as NodeSpec)
  })
  for (const n of sound) {
    for (const i of n.inputs ?? []) if (!ids.has(i)) issues.push({ node: n.id, op: n.op, message: `input '${i}' does not exist` })
  }
  const sorted = order(sound, issues)

  const inputs = (spec.nodes as unknown[]).filter((n) => isObject(n) && n.op === 'input').map((n) => (n as { id: string }).id)
  if (inputs.length !== 1) {
    issues.push({ message: inputs.length === 0 ? 'the model has no input node' : `the model has ${inputs.length} input nodes (${inputs.join(', ')}); it takes exactly one` })
  }
  if (typeof spec.output !== 'string') issues.push({ message: 'output must name the node that gives the model\'s output' })
  else if (!ids.has(spec.output)) issues.push({ message: `output '${spec.output}' is not a node of the model` })
  return { spec: spec as unknown as ModelSpec, order: sorted, issues }
}
