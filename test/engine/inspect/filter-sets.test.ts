// Filter sets: each drawn value is the weight at the index the layer's layout gives it, for ordinary,
// tiled (t×t kernel sets) and unshared (one position) convolutions, dense units shown in their input's
// image shape, 1D kernels as one row and 3D kernels by their middle slice.

import { describe, expect, it } from 'vitest'
import { inferShapes, TEMPLATES, type ModelSpec } from '../../../engine/index.ts'
import { filterSet } from '../../../engine/inspect/index.ts'

const FORMAT = 'receptive.graph/1' as const
const counting = (n: number) => Float32Array.from({ length: n }, (_, i) => i)
const prod = (s: number[]) => s.reduce((a, b) => a * b, 1)

function setOf(spec: ModelSpec, node: string, options = {}) {
  const report = inferShapes(spec)
  expect(report.ok, JSON.stringify(report.issues)).toBe(true)
  const shape = report.nodes[node].paramShapes.weight.shape
  return { shape, set: filterSet(spec, report, node, { shape, data: counting(prod(shape)) }, options) }
}

const net = (input: number[], layer: Record<string, unknown>): ModelSpec => ({
  format: FORMAT, output: 'l',
  nodes: [{ id: 'input', op: 'input', shape: input }, { id: 'l', inputs: ['input'], ...layer } as never],
})

describe('filterSet', () => {
  it('lays out an RGB first convolution as [F, C, h, w] in colour', () => {
    const { set } = setOf(net([3, 8, 8], { op: 'conv', filters: 4, kernel: [3, 2] }), 'l')
    expect(set.rgb).toBe(true)
    expect(set.groups).toHaveLength(1)
    const g = set.groups[0]
    expect([g.filters, g.channels, g.height, g.width]).toEqual([4, 3, 3, 2])
    expect([...g.values]).toEqual([...counting(72)])
  })

  it('gives a tiled layer t×t kernel sets', () => {
    const { set } = setOf(net([2, 8, 8], { op: 'tiled', filters: 3, kernel: [2, 2], tiles: 2 }), 'l')
    expect(set.rgb).toBe(false)
    expect(set.groups.map((g) => g.label)).toEqual(['tile 1,1', 'tile 1,2', 'tile 2,1', 'tile 2,2'])
    const per = 3 * 2 * 2 * 2
    set.groups.forEach((g, i) => expect(g.values[5]).toBe(i * per + 5))
  })

  it('shows an unshared layer at the chosen position, the centre by default', () => {
    const spec = net([1, 6, 5], { op: 'local', filters: 2, kernel: [3, 3] }) // a 4×3 grid of kernels
    const weightAt = (y: number, x: number, f: number, c: number, ky: number, kx: number) =>
      ((((y * 3 + x) * 2 + f) * 1 + c) * 3 + ky) * 3 + kx
    const { set } = setOf(spec, 'l', { position: [3, 1] })
    expect(set.positions).toEqual([4, 3])
    expect(set.groups[0].values[1 * 9 + 2 * 3 + 0]).toBe(weightAt(3, 1, 1, 0, 2, 0))
    const centre = setOf(spec, 'l').set
    expect(centre.position).toEqual([2, 1])
    expect(centre.groups[0].values[0]).toBe(weightAt(2, 1, 0, 0, 0, 0))
    expect(() => setOf(spec, 'l', { position: [4, 0] })).toThrow(/outside/)
  })

  it('shows dense units after a flatten in the flattened image shape', () => {
    const spec: ModelSpec = {
      format: FORMAT, output: 'fc',
      nodes: [
        { id: 'input', op: 'input', shape: [3, 4, 5] },
        { id: 'flat', op: 'flatten', inputs: ['input'] },
        { id: 'fc', op: 'dense', inputs: ['flat'], units: 2 },
      ],
    }
    const { set } = setOf(spec, 'fc')
    const g = set.groups[0]
    expect([g.filters, g.channels, g.height, g.width, set.rgb]).toEqual([2, 3, 4, 5, true])
    expect(g.values[60 + 7]).toBe(67)
  })

  it('draws 1D kernels as a row and 3D kernels by their middle slice', () => {
    const one = setOf(net([2, 10], { op: 'conv', filters: 2, kernel: [4] }), 'l').set.groups[0]
    expect([one.height, one.width]).toEqual([1, 4])
    const three = setOf(net([1, 5, 5, 5], { op: 'conv', filters: 2, kernel: [3, 2, 2] }), 'l').set.groups[0]
    expect([three.height, three.width]).toEqual([2, 2])
    // filter 1, channel 0, depth 1 of 3: offset 12 + 4
    expect([...three.values.subarray(4, 8)]).toEqual([16, 17, 18, 19])
  })

  it('lays out every filter layer of every template, each value drawn once (middle slices aside)', () => {
    for (const [name, t] of Object.entries(TEMPLATES)) {
      const spec = t.spec()
      const report = inferShapes(spec)
      for (const node of spec.nodes.filter((n) => ['conv', 'local', 'tiled', 'dense'].includes(n.op))) {
        const shape = report.nodes[node.id].paramShapes.weight.shape
        const set = filterSet(spec, report, node.id, { shape, data: counting(prod(shape)) })
        const drawn = set.groups.reduce((n, g) => n + g.values.length, 0)
        const kernel = 'kernel' in node ? node.kernel : []
        const perPosition = node.op === 'local' ? prod(shape.slice(0, shape.length - 2 - kernel.length)) : 1
        const depth = kernel.length === 3 ? kernel[0] : 1
        expect(drawn * perPosition * depth, `${name} ${node.id}`).toBe(prod(shape))
      }
    }
  })

  it('refuses a layer without filters and a weight of the wrong size', () => {
    const spec = net([1, 8, 8], { op: 'conv', filters: 2, kernel: [3, 3] })
    const report = inferShapes(spec)
    expect(() => filterSet(spec, report, 'input', { shape: [1], data: counting(1) })).toThrow(/no filters/)
    expect(() => filterSet(spec, report, 'l', { shape: [2, 1, 3, 3], data: counting(5) })).toThrow(/does not match/)
  })
})
