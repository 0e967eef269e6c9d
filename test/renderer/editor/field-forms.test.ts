import { describe, expect, it } from 'vitest'
import { fieldProblem, formatValue, formsFor, parseValue } from '../../../renderer/editor/field-forms.ts'

const form = (op: Parameters<typeof formsFor>[0], name: string) => formsFor(op).find((f) => f.name === name)!

describe('field forms', () => {
  it('lists every field of an op with a label, in the op table order', () => {
    expect(formsFor('conv').map((f) => f.name)).toEqual(['filters', 'kernel', 'stride', 'padding', 'bias', 'dilation', 'flip'])
    expect(form('conv', 'flip').label).toBe('Flip kernel (true convolution)')
    expect(formsFor('relu')).toEqual([])
  })

  it('reads sizes written in several ways and widens one size to the input rank', () => {
    const kernel = form('conv', 'kernel')
    expect(parseValue(kernel, '5×5', 2)).toEqual({ value: [5, 5] })
    expect(parseValue(kernel, '5, 3', 2)).toEqual({ value: [5, 3] })
    expect(parseValue(kernel, '5 x 5 x 5', 3)).toEqual({ value: [5, 5, 5] })
    expect(parseValue(kernel, '5', 3)).toEqual({ value: [5, 5, 5] })
    expect(parseValue(form('input', 'shape'), '3', 2)).toEqual({ value: [3] })
    expect(parseValue(kernel, 'five', 2)).toEqual({ error: 'must be sizes such as 5×5' })
    expect(parseValue(kernel, '', 2)).toEqual({ value: undefined })
  })

  it('reads padding modes and explicit pads', () => {
    const padding = form('conv', 'padding')
    expect(parseValue(padding, 'same', 2)).toEqual({ value: 'same' })
    expect(parseValue(padding, '2', 2)).toEqual({ value: [[2, 2], [2, 2]] })
    expect(parseValue(padding, '1,2', 1)).toEqual({ value: [[1, 2]] })
    expect(parseValue(padding, '1,1; 0,2', 2)).toEqual({ value: [[1, 1], [0, 2]] })
    expect(formatValue(padding, [[1, 1], [0, 2]])).toBe('1,1; 0,2')
    expect(formatValue(form('conv', 'kernel'), [5, 5])).toBe('5×5')
  })

  it('refuses with the op table rule\'s reason', () => {
    expect(fieldProblem('conv', 'filters', 0)).toBe('must be a whole number from 1 to 65536')
    expect(fieldProblem('conv', 'filters', undefined)).toBe('is required')
    expect(fieldProblem('conv', 'stride', undefined)).toBeNull()
    expect(fieldProblem('conv', 'kernel', [1.5, 2])).toMatch(/whole numbers/)
    expect(fieldProblem('dropout', 'rate', 1)).toBe('must be a number from 0 and below 1')
    expect(fieldProblem('conv', 'padding', 'sideways')).toMatch(/must be 'valid', 'same', 'full'/)
    expect(fieldProblem('conv', 'filters', 6)).toBeNull()
  })
})
