// Structural validation: every kind of broken spec gives an issue naming the node and saying what is wrong.
import { describe, expect, it } from 'vitest'
import { FORMAT, GraphError, inferShapes, requireValid, validateSpec, type GraphIssue } from '../../../engine/graph/index.ts'

const spec = (nodes: unknown[], output = 'out') => ({ format: FORMAT, nodes, output })
const input = { id: 'in', op: 'input', shape: [1, 8, 8] }
const issuesOf = (raw: unknown): GraphIssue[] => validateSpec(raw).issues
const only = (raw: unknown) => {
  const issues = issuesOf(raw)
  expect(issues).toHaveLength(1)
  return issues[0]
}

describe('validateSpec', () => {
  it('accepts a sound spec and orders nodes inputs-first whatever their listed order', () => {
    const checked = validateSpec(spec([
      { id: 'out', op: 'dense', inputs: ['f'], units: 3 },
      { id: 'f', op: 'flatten', inputs: ['in'] },
      input,
    ]))
    expect(checked.issues).toEqual([])
    expect(checked.order.map((n) => n.id)).toEqual(['in', 'f', 'out'])
  })

  it('rejects an unknown format version and anything that is not a spec', () => {
    expect(only({ ...spec([input], 'in'), format: 'receptive.graph/2' }).message).toMatch(/receptive\.graph\/2.*cannot read/)
    expect(only({ nodes: [] }).message).toMatch(/not a Receptive model spec/)
    expect(only('hello').message).toMatch(/JSON object/)
    expect(only({ format: FORMAT, nodes: 'x', output: 'in' }).message).toMatch(/nodes must be a list/)
  })

  it('names an unknown op', () => {
    expect(only(spec([input, { id: 'out', op: 'conv9', inputs: ['in'] }]))).toMatchObject({ node: 'out', message: 'unknown op "conv9"' })
  })

  it('names inputs that do not exist and nodes without the inputs they need', () => {
    expect(only(spec([input, { id: 'out', op: 'relu', inputs: ['nope'] }]))).toMatchObject({ node: 'out', message: "input 'nope' does not exist" })
    expect(only(spec([input, { id: 'out', op: 'relu' }])).message).toMatch(/takes 1 input but has 0; connect one/)
    expect(only(spec([input, { id: 'out', op: 'add', inputs: ['in'] }])).message).toMatch(/takes 2 to 64 inputs but has 1/)
    expect(only(spec([{ ...input, inputs: ['in'] }], 'in')).message).toMatch(/takes no inputs but has 1/)
  })

  it('reports a cycle on every node along it, in the direction data flows', () => {
    const issues = issuesOf(spec([
      input,
      { id: 'a', op: 'add', inputs: ['in', 'c'] },
      { id: 'b', op: 'relu', inputs: ['a'] },
      { id: 'c', op: 'relu', inputs: ['b'] },
      { id: 'out', op: 'relu', inputs: ['c'] }, // after the cycle: not part of it
    ]))
    expect(issues.map((i) => i.node).sort()).toEqual(['a', 'b', 'c'])
    expect(issues[0].message).toMatch(/^is part of a cycle: /)
    const words = issues[0].message.replace('is part of a cycle: ', '')
    // every arrow follows an edge: the node after each arrow takes the node before it as input
    const inputsOf: Record<string, string[]> = { a: ['in', 'c'], b: ['a'], c: ['b'] }
    const steps = words.split(' → ')
    expect(steps).toHaveLength(4)
    for (let i = 1; i < steps.length; i++) expect(inputsOf[steps[i]]).toContain(steps[i - 1])
    expect(only(spec([input, { id: 'out', op: 'relu', inputs: ['out'] }]))).toMatchObject({ node: 'out', message: 'is part of a cycle: out → out' })
  })

  it('names duplicate ids and bad ids', () => {
    expect(only(spec([input, { id: 'out', op: 'relu', inputs: ['in'] }, { id: 'out', op: 'relu', inputs: ['in'] }])).message)
      .toMatch(/id 'out' is used by more than one node/)
    expect(only(spec([input, { id: 'a b', op: 'relu', inputs: ['in'] }], 'in')).message).toMatch(/node 2 needs an id/)
  })

  it('names bad field values, unknown fields and missing required fields', () => {
    const conv = (more: object) => spec([input, { id: 'out', op: 'conv', inputs: ['in'], filters: 4, kernel: [3, 3], ...more }])
    expect(only(conv({ filters: 0 }))).toMatchObject({ node: 'out', op: 'conv', field: 'filters' })
    expect(only(conv({ filters: 2.5 })).message).toMatch(/whole number/)
    expect(only(conv({ kernel: [3, -1] })).field).toBe('kernel')
    expect(only(conv({ stride: [] })).field).toBe('stride')
    expect(only(conv({ padding: 'some' })).message).toMatch(/'valid', 'same', 'full'/)
    expect(only(conv({ padding: [[1, -1], [0, 0]] })).field).toBe('padding')
    expect(only(conv({ flip: 'yes' })).message).toBe('must be true or false')
    expect(only(conv({ filter: 3 }))).toMatchObject({ field: 'filter', message: 'is not a field of this op' })
    expect(only(spec([input, { id: 'out', op: 'dense', inputs: ['in'] }]))).toMatchObject({ field: 'units', message: 'is required' })
    expect(only(spec([input, { id: 'out', op: 'dropout', inputs: ['in'], rate: 1 }])).field).toBe('rate')
    expect(only(spec([input, { id: 'out', op: 'channelpool', inputs: ['in'], groupSize: 1, mode: 'min' }])).field).toBe('mode')
    expect(only(spec([input, { id: 'out', op: 'batchnorm', inputs: ['in'], eps: 0 }])).field).toBe('eps')
    expect(only(spec([input, { id: 'out', op: 'lppool', inputs: ['in'], window: [2, 2], p: -1 }])).field).toBe('p')
    expect(only(spec([{ ...input, shape: [1, 2, 3, 4, 5] }], 'in')).field).toBe('shape')
  })

  it('requires exactly one input node and an output that exists', () => {
    expect(only(spec([{ id: 'out', op: 'input', shape: [3] }, { ...input, id: 'in2' }])).message).toMatch(/2 input nodes \(out, in2\)/)
    expect(only(spec([input], 'zzz')).message).toBe("output 'zzz' is not a node of the model")
    expect(issuesOf(spec([{ id: 'out', op: 'relu' }])).map((i) => i.message)).toContain('the model has no input node')
  })

  it('keeps placing nodes after a broken one so their own issues still show', () => {
    const report = inferShapes(spec([
      input,
      { id: 'bad', op: 'conv', inputs: ['in'], filters: 0, kernel: [3, 3] },
      { id: 'out', op: 'relu', inputs: ['bad'] },
    ]))
    expect(report.ok).toBe(false)
    expect(report.issues.map((i) => i.node)).toEqual(['bad'])
    expect(report.nodes.out.shape).toBeNull()
    expect(report.nodes.in.shape).toEqual([1, 8, 8])
  })

  it('requireValid throws a GraphError whose message names each node', () => {
    const bad = spec([input, { id: 'c1', op: 'conv', inputs: ['in'], filters: 2, kernel: [9, 9] }], 'c1')
    expect(() => requireValid(bad)).toThrow(GraphError)
    expect(() => requireValid(bad)).toThrow('c1 (conv): kernel 9×9 is larger than the 8×8 input with valid padding')
  })
})
