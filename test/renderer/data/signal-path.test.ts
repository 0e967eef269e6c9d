// A 1D sample as polyline points: stretched to the box from its own range, flat when constant.
import { describe, expect, it } from 'vitest'
import { signalPoints } from '../../../renderer/data/signal-path.ts'

describe('signalPoints', () => {
  it('spreads samples over the width and maps the minimum to the bottom, the maximum to the top', () => {
    expect(signalPoints([0, 2, 1], 80, 40)).toBe('0,40 40,0 80,20')
    expect(signalPoints([-1, 1], 10, 4)).toBe('0,4 10,0')
  })

  it('draws a constant signal, and nulls, along the middle', () => {
    expect(signalPoints([3, 3, 3], 20, 10)).toBe('0,5 10,5 20,5')
    expect(signalPoints([0, null, 4], 20, 8)).toBe('0,8 10,4 20,0')
    expect(signalPoints([5], 20, 8)).toBe('0,4')
  })
})
