// Learned filters as drawable kernel sets: a layer's weight tensor rearranged into groups of filters,
// each filter C input channels of h×w values. Ordinary convolutions give one group; tiled ones t×t groups
// (one per kernel set); unshared ones the kernels at one chosen output position; dense layers after a
// flatten show each unit's weights in the image shape they read. 1D kernels are one row high; 3D kernels
// show their middle depth slice. Normalisation and colour are the view's job (renderer/inspect).

import type { ShapeReport } from '../graph/infer.ts'
import { size } from '../graph/op-def.ts'
import type { ModelSpec } from '../graph/spec.ts'

export interface FilterGroup {
  /** '' for a single group, 'tile 1,2' for a tiled kernel set */
  label: string
  filters: number
  channels: number
  height: number
  width: number
  /** [filters, channels, height, width] row-major */
  values: Float32Array
}

export interface FilterSet {
  node: string
  op: string
  /** three input channels read straight from the input image: draw each filter in colour */
  rgb: boolean
  /** for unshared layers: the output position shown, and the grid of positions there are */
  position: number[] | null
  positions: number[] | null
  groups: FilterGroup[]
}

export interface FilterOptions {
  /** an unshared layer's output position (spatial indices); default its centre */
  position?: number[]
}

/** [F, C, ...kernel] values from `offset` → a group of 2D filters (3D kernels: middle depth slice) */
function group(label: string, data: Float32Array, offset: number, f: number, c: number, kernel: number[]): FilterGroup {
  const [d, h, w] = kernel.length === 3 ? kernel : kernel.length === 2 ? [1, ...kernel] : [1, 1, kernel[0]]
  const slice = Math.floor(d / 2)
  const values = new Float32Array(f * c * h * w)
  for (let fc = 0; fc < f * c; fc++) {
    const from = offset + fc * d * h * w + slice * h * w
    values.set(data.subarray(from, from + h * w), fc * h * w)
  }
  return { label, filters: f, channels: c, height: h, width: w, values }
}

/** the filters of one node from its weight snapshot (shape and values as stored) */
export function filterSet(spec: ModelSpec, report: ShapeReport, nodeId: string, weight: { shape: number[]; data: Float32Array },
  options: FilterOptions = {}): FilterSet {
  const node = spec.nodes.find((n) => n.id === nodeId)
  const info = report.nodes[nodeId]
  if (!node || !info) throw new Error(`the graph has no node ${nodeId}`)
  const { shape, data } = weight
  if (size(shape) !== data.length) throw new Error(`${nodeId}: weight shape ${shape.join('×')} does not match ${data.length} values`)
  const source = spec.nodes.find((n) => n.id === node.inputs?.[0])
  const firstLayer = source?.op === 'input'
  const base = { node: nodeId, op: node.op, position: null, positions: null }
  const rgbOf = (c: number) => firstLayer && c === 3

  if (node.op === 'conv') {
    const [f, c, ...kernel] = shape
    return { ...base, rgb: rgbOf(c), groups: [group('', data, 0, f, c, kernel)] }
  }
  if (node.op === 'tiled') {
    const [t, , f, c, ...kernel] = shape
    const per = f * c * size(kernel)
    const groups = []
    for (let i = 0; i < t * t; i++) groups.push(group(`tile ${Math.floor(i / t) + 1},${(i % t) + 1}`, data, i * per, f, c, kernel))
    return { ...base, rgb: rgbOf(c), groups }
  }
  if (node.op === 'local') {
    const grid = shape.slice(0, shape.length - 2 - node.kernel.length)
    const [f, c, ...kernel] = shape.slice(grid.length)
    const at = options.position ?? grid.map((n) => Math.floor(n / 2))
    if (at.length !== grid.length || at.some((p, i) => !Number.isInteger(p) || p < 0 || p >= grid[i])) {
      throw new Error(`${nodeId}: position ${at.join(',')} is outside its ${grid.join('×')} grid of kernels`)
    }
    const index = at.reduce((acc, p, i) => acc * grid[i] + p, 0)
    const per = f * c * size(kernel)
    return { ...base, position: at, positions: grid, rgb: rgbOf(c), groups: [group('', data, index * per, f, c, kernel)] }
  }
  if (node.op === 'dense') {
    const [units, inputs] = shape
    // after a flatten of a C×H×W (or C×L) map, each unit's weights are an image of that shape
    const flat = source?.op === 'flatten' ? report.nodes[source.id]?.inputShapes[0] : undefined
    const image = flat && flat.length >= 2 && size(flat) === inputs ? flat : [1, inputs]
    const [c, ...kernel] = image
    const fromInput = spec.nodes.find((n) => n.id === source?.inputs?.[0])?.op === 'input'
    return { ...base, rgb: fromInput && c === 3, groups: [group('', data, 0, units, c, kernel)] }
  }
  throw new Error(`${nodeId} (${node.op}) has no filters to draw`)
}
