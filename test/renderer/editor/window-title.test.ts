import { describe, expect, it } from 'vitest'
import { windowTitle } from '../../../renderer/editor/window-title.ts'

describe('windowTitle', () => {
  it('names the project and marks what is not yet in a named file', () => {
    expect(windowTitle(null, true)).toBe('Receptive')
    expect(windowTitle({ name: 'mnist', path: '/p/mnist.receptive' }, true)).toBe('mnist — Receptive')
    expect(windowTitle({ name: 'mnist', path: '/p/mnist.receptive' }, false)).toBe('• mnist — Receptive')
    expect(windowTitle({ name: 'Untitled', path: null }, true)).toBe('• Untitled — Receptive')
  })
})
