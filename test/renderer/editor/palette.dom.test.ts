import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import Palette from '../../../renderer/shell/Palette.svelte'
import { Editor, editorKey } from '../../../renderer/editor/editor.svelte.ts'
import { DRAG_TYPE } from '../../../renderer/editor/palette-drag.ts'

const mount = (editor = new Editor()) => {
  render(Palette, { context: new Map([[editorKey, editor]]) })
  return editor
}

describe('Palette', () => {
  it('names each item by its layer and describes it in one line', () => {
    mount()
    const conv = screen.getByRole('button', { name: 'Convolution' })
    expect(conv.getAttribute('draggable')).toBe('true')
    expect(document.getElementById(conv.getAttribute('aria-describedby')!)!.textContent).toMatch(/slides each of its filters/)
    expect(screen.getByRole('region', { name: 'Pooling' })).toBeTruthy()
  })

  it('filters by search and says when nothing matches', async () => {
    mount()
    const search = screen.getByRole('searchbox', { name: 'Search layers' })
    await fireEvent.input(search, { target: { value: 'maxout' } })
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Pooling over channels'])
    await fireEvent.input(search, { target: { value: 'qqq' } })
    expect(screen.getByText(/No layer matches/)).toBeTruthy()
    await fireEvent.keyDown(search, { key: 'Escape' })
    expect(screen.getAllByRole('button').length).toBeGreaterThan(15)
  })

  it('adds a layer when pressed and puts the op on a drag', async () => {
    const editor = mount()
    await fireEvent.click(screen.getByRole('button', { name: 'Input' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Convolution' }))
    expect(editor.doc.spec.nodes.map((n) => [n.id, n.inputs])).toEqual([['input1', undefined], ['conv1', ['input1']]])
    const data = new Map<string, string>()
    const dataTransfer = { setData: (t: string, v: string) => data.set(t, v), effectAllowed: '' }
    await fireEvent.dragStart(screen.getByRole('button', { name: 'Dense' }), { dataTransfer })
    expect(data.get(DRAG_TYPE)).toBe('dense')
  })

  it('takes the focus when the editor asks for the search (Ctrl/Cmd+F)', () => {
    const editor = mount()
    editor.searchRequest++
    flushSync()
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search layers' }))
  })
})
