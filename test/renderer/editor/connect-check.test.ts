import { describe, expect, it } from 'vitest'
import { connectableSources, connectionProblem } from '../../../renderer/editor/connect-check.ts'
import { inferShapes, type ModelSpec } from '../../../engine/graph/index.ts'

const spec: ModelSpec = {
  format: 'receptive.graph/1', output: 'fc',
  nodes: [
    { id: 'in', op: 'input', shape: [1, 28, 28] },
    { id: 'conv', op: 'conv', inputs: ['in'], filters: 4, kernel: [5, 5] },
    { id: 'big', op: 'conv', filters: 4, kernel: [30, 30] },
    { id: 'fc', op: 'dense', units: 10 },
    { id: 'flat', op: 'flatten' },
    { id: 'sum', op: 'add', inputs: ['conv'] },
  ],
}
const check = (s: string, t: string) => connectionProblem(spec, inferShapes(spec), s, t)

describe('connectionProblem', () => {
  it('accepts a connection whose shapes fit', () => {
    expect(check('conv', 'flat')).toBeNull()
    expect(check('in', 'conv') === null).toBe(false) // already connected
  })

  it('refuses self links, inputs into Input, a second input into a one-input layer and duplicates', () => {
    expect(check('conv', 'conv')).toMatch(/cannot feed itself/)
    expect(check('conv', 'in')).toBe('Input takes no inputs')
    expect(check('fc', 'conv')).toMatch(/takes one input; delete its connection from in first/)
    expect(check('in', 'conv')).toBe('in already feeds conv')
  })

  it('refuses a cycle', () => {
    expect(check('sum', 'conv')).toMatch(/takes one input/)
    const loop: ModelSpec = { ...spec, nodes: [...spec.nodes, { id: 'r', op: 'relu' }] }
    loop.nodes[5] = { id: 'sum', op: 'add', inputs: ['conv', 'r'] }
    expect(connectionProblem(loop, inferShapes(loop), 'sum', 'r')).toBe('r already feeds sum: this would make a cycle')
  })

  it('refuses shapes that do not fit, saying why in the shape rule\'s words', () => {
    expect(check('conv', 'fc')).toBe('fc: needs a flat input, but the input is 4×24×24; add a Flatten before it')
    expect(check('in', 'big')).toBe('big: kernel 30×30 is larger than the 28×28 input with valid padding')
    expect(check('in', 'sum')).toMatch(/inputs 4×24×24 and 1×28×28 differ/)
  })
})

describe('connectableSources', () => {
  it('lists the nodes whose output fits, leaving out the target\'s own descendants', () => {
    const report = inferShapes(spec)
    // layers with no shape yet (fc, big: nothing feeds them) are offered too: their fit cannot be known
    expect(connectableSources(spec, report, 'flat')).toEqual(['in', 'conv', 'big', 'fc', 'sum'])
    expect(connectableSources(spec, report, 'fc')).toEqual(['big', 'flat', 'sum']) // not in, not conv: not flat
    expect(connectableSources(spec, report, 'conv')).toEqual([]) // full: it takes one input
  })
})
