// Python spelling of generated code: node ids become unique identifiers that are no keyword and do not
// shadow model.py's own names; padding is written last axis first, as F.pad wants it.
import { describe, expect, it } from 'vitest'
import { padArg, pythonNames, tuple } from '../../../engine/export/pytorch/python-text.ts'

describe('python text', () => {
  it('makes unique, safe identifiers', () => {
    const names = pythonNames(['conv1', 'class', '2d-conv', '2d_conv', 'x', 'self', 'a.b', 'a_b', ''])
    expect([...names.values()]).toEqual(['conv1', 'class_', 'n_2d_conv', 'n_2d_conv_2', 'x_', 'self_', 'a_b', 'a_b_2', 'n_'])
  })

  it('writes tuples and F.pad arguments', () => {
    expect(tuple([3])).toBe('(3,)')
    expect(tuple([1, 2])).toBe('(1, 2)')
    expect(padArg([[1, 2], [3, 4]])).toBe('(3, 4, 1, 2)')
  })
})
