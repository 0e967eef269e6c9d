// Whether an output may be connected to an input, and if not, why, in a learner's words. Svelte Flow asks
// while a connection is dragged (isValidConnection), so this checks only the one target node: its input
// count, a cycle, and whether the source's shape fits the target's shape rule.
import { OPS, type ModelSpec, type NodeSpec, type OpDef, type ShapeReport } from '../../engine/graph/index.ts'

/** every node fed, directly or not, by start (start included) */
function downstream(spec: ModelSpec, start: string): Set<string> {
  const users = new Map<string, string[]>()
  for (const n of spec.nodes) for (const i of n.inputs ?? []) users.set(i, [...(users.get(i) ?? []), n.id])
  const seen = new Set([start])
  const stack = [start]
  while (stack.length) {
    for (const u of users.get(stack.pop()!) ?? []) if (!seen.has(u)) { seen.add(u); stack.push(u) }
  }
  return seen
}

type ById = Map<string, NodeSpec>
const byIdOf = (spec: ModelSpec): ById => new Map(spec.nodes.map((n) => [n.id, n]))

/** the problem of a connection apart from a cycle */
function localProblem(byId: ById, report: ShapeReport, source: string, target: string): string | null {
  if (source === target) return 'a layer cannot feed itself'
  const node = byId.get(target)
  if (!node || !byId.has(source)) return 'that layer no longer exists'
  const def = OPS[node.op] as unknown as OpDef
  const inputs = node.inputs ?? []
  if (def.inputs.max === 0) return `${def.title} takes no inputs`
  if (inputs.includes(source)) return `${source} already feeds ${target}`
  if (inputs.length >= def.inputs.max) {
    return `${def.title} takes ${def.inputs.max === 1 ? 'one input' : `at most ${def.inputs.max} inputs`}; delete its connection from ${inputs[0]} first`
  }
  // the shape rule runs only when every input shape is known and the node's own fields are sound
  const shapes = [...inputs, source].map((i) => report.nodes[i]?.shape ?? null)
  if (shapes.some((s) => !s) || report.issues.some((i) => i.node === target && i.field)) return null
  try {
    def.shape(node, shapes as number[][])
  } catch (e) {
    return `${target}: ${(e as Error).message}`
  }
  return null
}

/** null when the connection is fine, else the reason it is refused */
export function connectionProblem(spec: ModelSpec, report: ShapeReport, source: string, target: string): string | null {
  const local = localProblem(byIdOf(spec), report, source, target)
  if (local) return local
  return downstream(spec, target).has(source) ? `${target} already feeds ${source}: this would make a cycle` : null
}

/** the nodes that could be connected into target now (for connecting from the keyboard); linear in the graph */
export function connectableSources(spec: ModelSpec, report: ShapeReport, target: string): string[] {
  const after = downstream(spec, target)
  const byId = byIdOf(spec)
  return spec.nodes.filter((n) => !after.has(n.id) && localProblem(byId, report, n.id, target) === null).map((n) => n.id)
}
