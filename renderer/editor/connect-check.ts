// Whether an output may be connected to an input, and if not, why, in a learner's words. Svelte Flow asks
// while a connection is dragged (isValidConnection), so this checks only the one target node: its input
// count, a cycle, and whether the source's shape fits the target's shape rule.
import { OPS, type ModelSpec, type OpDef, type ShapeReport } from '../../engine/graph/index.ts'

/** true when target can be reached from start by following inputs → users */
function reaches(spec: ModelSpec, start: string, target: string): boolean {
  const users = new Map<string, string[]>()
  for (const n of spec.nodes) for (const i of n.inputs ?? []) users.set(i, [...(users.get(i) ?? []), n.id])
  const seen = new Set([start])
  const stack = [start]
  while (stack.length) {
    const at = stack.pop()!
    if (at === target) return true
    for (const u of users.get(at) ?? []) if (!seen.has(u)) { seen.add(u); stack.push(u) }
  }
  return false
}

/** null when the connection is fine, else the reason it is refused */
export function connectionProblem(spec: ModelSpec, report: ShapeReport, source: string, target: string): string | null {
  if (source === target) return 'a layer cannot feed itself'
  const node = spec.nodes.find((n) => n.id === target)
  if (!node || !spec.nodes.some((n) => n.id === source)) return 'that layer no longer exists'
  const def = OPS[node.op] as unknown as OpDef
  const inputs = node.inputs ?? []
  if (def.inputs.max === 0) return `${def.title} takes no inputs`
  if (inputs.includes(source)) return `${source} already feeds ${target}`
  if (inputs.length >= def.inputs.max) {
    return `${def.title} takes ${def.inputs.max === 1 ? 'one input' : `at most ${def.inputs.max} inputs`}; delete its connection from ${inputs[0]} first`
  }
  if (reaches(spec, target, source)) return `${target} already feeds ${source}: this would make a cycle`
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
