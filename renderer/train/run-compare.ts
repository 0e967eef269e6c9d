// What the runs table and the comparison show about runs' graphs and settings: a one-line graph
// summary, and side-by-side tables (one column per run) whose rows are marked where the runs differ,
// e.g. the same task with a conv, a locally connected and a dense layer.

import { inferShapes, type ModelSpec, type NodeSpec } from '../../engine/graph/index.ts'

const QUIET = new Set(['input', 'flatten', 'relu', 'tanh', 'sigmoid', 'leakyrelu', 'softmax', 'dropout'])

const dims = (k: unknown) => (Array.isArray(k) ? k.join('×') : String(k))

/** a node in a few words: "conv 6 5×5", "dense 120", "maxpool 2×2" */
export function describeNode(n: NodeSpec): string {
  const f = n as unknown as Record<string, unknown>
  if ('filters' in f) return `${n.op} ${String(f.filters)}${'kernel' in f ? ` ${dims(f.kernel)}` : ''}`
  if ('units' in f) return `${n.op} ${String(f.units)}`
  if ('window' in f) return `${n.op} ${dims(f.window)}`
  return n.op
}

/** "conv 6 5×5 → maxpool 2×2 → … → dense 10 · 61,706 params" */
export function graphSummary(spec: ModelSpec): string {
  const layers = spec.nodes.filter((n) => !QUIET.has(n.op)).map(describeNode).join(' → ')
  const report = inferShapes(spec)
  return report.ok ? `${layers} · ${report.totals.params.toLocaleString('en-US')} params` : layers
}

/** every node by id, with all its settings, for a side-by-side graph table */
export function graphFields(spec: ModelSpec): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of spec.nodes) {
    const { id, op, inputs, ...rest } = n as NodeSpec & Record<string, unknown>
    const settings = Object.entries(rest).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    out[id] = [op, ...settings, ...(inputs?.length ? [`← ${inputs.join(', ')}`] : [])].join(' · ')
  }
  return out
}

/** nested settings flattened to dotted paths: { optimizer: { lr: 0.1 } } → { "optimizer.lr": "0.1" } */
export function flatFields(value: unknown, prefix = ''): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? { [prefix]: JSON.stringify(value) ?? 'none' } : {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(value)) Object.assign(out, flatFields(v, prefix ? `${prefix}.${k}` : k))
  return out
}

export interface CompareRow { key: string; values: (string | null)[]; differs: boolean }

/** rows of a side-by-side table: every key of any column, in first-seen order; null where a run lacks it */
export function compareRows(columns: Record<string, string>[]): CompareRow[] {
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c)))]
  return keys.map((key) => {
    const values = columns.map((c) => (key in c ? c[key] : null))
    return { key, values, differs: values.some((v) => v !== values[0]) }
  })
}
