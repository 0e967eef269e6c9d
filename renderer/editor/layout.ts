// Automatic layout, left to right: each node goes one column after its deepest input (longest-path
// layering), and the nodes of a column are ordered by the mean row of their inputs, then of their users
// (barycentre sweeps), to keep edges short and uncrossed. Linear in nodes + edges per sweep. A long
// network wraps, like lines of text, into bands of at most `perBand` columns, so it stays readable when fitted.
import type { ModelSpec } from '../../engine/graph/index.ts'
import type { Layout } from './doc.ts'

export const COLUMN = 280 // node width plus room for an edge's shape label
export const ROW = 130
const BAND_GAP = 80
const SWEEPS = 4

/** columns from the inputs; nodes on a cycle (an invalid graph) stay after the inputs they could reach */
function columns(ids: string[], inputsOf: Map<string, string[]>): Map<string, number> {
  const users = new Map<string, string[]>(ids.map((id) => [id, []]))
  const waiting = new Map<string, number>()
  for (const id of ids) {
    const inputs = inputsOf.get(id)!
    waiting.set(id, inputs.length)
    for (const i of inputs) users.get(i)!.push(id)
  }
  const col = new Map<string, number>(ids.map((id) => [id, 0]))
  const ready = ids.filter((id) => waiting.get(id) === 0)
  for (let k = 0; k < ready.length; k++) {
    for (const u of users.get(ready[k])!) {
      col.set(u, Math.max(col.get(u)!, col.get(ready[k])! + 1))
      const left = waiting.get(u)! - 1
      waiting.set(u, left)
      if (left === 0) ready.push(u)
    }
  }
  return col
}

export function layeredLayout(spec: ModelSpec, perBand = 7): Layout {
  const ids = spec.nodes.map((n) => n.id)
  const known = new Set(ids)
  const inputsOf = new Map(spec.nodes.map((n) => [n.id, [...new Set(n.inputs ?? [])].filter((i) => known.has(i) && i !== n.id)]))
  const usersOf = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const [id, inputs] of inputsOf) for (const i of inputs) usersOf.get(i)!.push(id)

  const col = columns(ids, inputsOf)
  const byColumn: string[][] = []
  for (const id of ids) (byColumn[col.get(id)!] ??= []).push(id)
  const cols = byColumn.filter((c) => c) // a cycle may skip a column index

  const row = new Map<string, number>()
  const place = (c: string[]) => c.forEach((id, i) => row.set(id, i))
  cols.forEach(place)
  const mean = (id: string, of: Map<string, string[]>) => {
    const ns = of.get(id)!
    return ns.length ? ns.reduce((s, n) => s + row.get(n)!, 0) / ns.length : row.get(id)!
  }
  for (let s = 0; s < SWEEPS; s++) {
    const forward = s % 2 === 0
    const order = forward ? cols : [...cols].reverse()
    for (const c of order) {
      const key = new Map(c.map((id) => [id, mean(id, forward ? inputsOf : usersOf)]))
      c.sort((a, b) => key.get(a)! - key.get(b)! || row.get(a)! - row.get(b)!)
      place(c)
    }
  }

  const layout: Layout = {}
  let top = 0
  for (let b = 0; b * perBand < cols.length; b++) {
    const band = cols.slice(b * perBand, (b + 1) * perBand)
    const rows = Math.max(...band.map((c) => c.length))
    const middle = top + ((rows - 1) / 2) * ROW
    band.forEach((c, x) => c.forEach((id, i) => (layout[id] = { x: x * COLUMN, y: middle + (i - (c.length - 1) / 2) * ROW })))
    top += rows * ROW + BAND_GAP
  }
  return layout
}
