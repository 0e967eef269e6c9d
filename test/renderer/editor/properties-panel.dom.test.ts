import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import PropertiesPanel from '../../../renderer/shell/PropertiesPanel.svelte'
import { Editor, editorKey } from '../../../renderer/editor/editor.svelte.ts'
import { layeredLayout } from '../../../renderer/editor/layout.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'
import { flushSync } from 'svelte'

function setup(select: string) {
  const spec = TEMPLATES.lenet5.spec()
  const editor = new Editor({ spec, layout: layeredLayout(spec) })
  editor.select([select])
  render(PropertiesPanel, { context: new Map([[editorKey, editor]]) })
  return editor
}

const nodeOf = (editor: Editor, id: string) => editor.doc.spec.nodes.find((n) => n.id === id) as unknown as Record<string, unknown>

async function enter(label: string, text: string) {
  const input = screen.getByLabelText(label, { exact: true, selector: 'input' }) as HTMLInputElement
  await fireEvent.input(input, { target: { value: text } })
  await fireEvent.keyDown(input, { key: 'Enter' })
  return input
}

describe('PropertiesPanel', () => {
  it('says nothing is selected', () => {
    const editor = new Editor()
    render(PropertiesPanel, { context: new Map([[editorKey, editor]]) })
    expect(screen.getByText(/Nothing selected/)).toBeTruthy()
  })

  it('shows the selected layer\'s fields, figures and its cost as a fully connected layer', () => {
    setup('conv2')
    expect(screen.getByText('Convolution')).toBeTruthy()
    expect((screen.getByLabelText('Filters', { selector: 'input' }) as HTMLInputElement).value).toBe('16')
    expect((screen.getByLabelText('Kernel', { exact: true, selector: 'input' }) as HTMLInputElement).value).toBe('5×5')
    expect((screen.getByLabelText('Stride', { selector: 'input' }) as HTMLInputElement).placeholder).toBe('1')
    expect(document.querySelector('[data-figure="shape"]')!.textContent).toBe('16×10×10')
    expect(document.querySelector('[data-figure="params"]')!.textContent).toBe('2,416')
    // as dense: 6·14·14 inputs × 16·10·10 outputs + 1600 biases
    expect(document.querySelector('[data-figure="fc-params"]')!.textContent).toBe((1176 * 1600 + 1600).toLocaleString('en-US'))
  })

  it('refuses an invalid value with the reason next to the field and leaves the graph alone', async () => {
    const editor = setup('conv2')
    const before = editor.doc
    const input = await enter('Filters', '0')
    expect(screen.getByRole('alert').textContent).toBe('Filters must be a whole number from 1 to 65536')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(editor.doc).toBe(before)
    await enter('Filters', 'lots')
    expect(screen.getByRole('alert').textContent).toBe('Filters must be a number')
    await enter('Kernel', '2.5')
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Kernel must be a list of 1 to 3 whole numbers from 1 to 65536')
    expect(editor.doc).toBe(before)
  })

  it('applies a valid value, widening one size to the input\'s axes, and undo brings the old one back', async () => {
    const editor = setup('conv2')
    const input = await enter('Kernel', '3')
    expect(nodeOf(editor, 'conv2').kernel).toEqual([3, 3])
    expect(input.value).toBe('3×3')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(document.querySelector('[data-figure="shape"]')!.textContent).toBe('16×12×12')
    editor.undo()
    flushSync()
    expect(input.value).toBe('5×5')
  })

  it('accepts a value that does not fit the input and shows why the layer is broken', async () => {
    const editor = setup('conv2')
    await enter('Kernel', '15')
    expect(nodeOf(editor, 'conv2').kernel).toEqual([15, 15])
    expect(screen.getByRole('alert').textContent).toBe('kernel 15×15 is larger than the 14×14 input with valid padding')
  })

  it('clears an optional field back to its default and switches padding to explicit pads', async () => {
    const editor = setup('conv1')
    const padding = screen.getByLabelText('Padding') as HTMLSelectElement
    expect(padding.value).toBe('same')
    await fireEvent.change(padding, { target: { value: 'explicit' } })
    expect(nodeOf(editor, 'conv1').padding).toEqual([[0, 0], [0, 0]])
    const pads = screen.getByLabelText('Padding: low,high per axis') as HTMLInputElement
    await fireEvent.input(pads, { target: { value: '2' } })
    await fireEvent.keyDown(pads, { key: 'Enter' })
    expect(nodeOf(editor, 'conv1').padding).toEqual([[2, 2], [2, 2]])
    await enter('Stride', '2')
    expect(nodeOf(editor, 'conv1').stride).toEqual([2, 2])
    await enter('Stride', '')
    expect('stride' in nodeOf(editor, 'conv1')).toBe(false)
  })
})

describe('PropertiesPanel inputs', () => {
  it('connects and disconnects from the keyboard, offering only layers that fit', async () => {
    const editor = setup('fc2')
    const inputs = screen.getByRole('region', { name: 'Inputs' })
    expect(inputs.textContent).toContain('relu3')
    await fireEvent.click(screen.getByRole('button', { name: 'Disconnect relu3' }))
    expect(nodeOf(editor, 'fc2').inputs).toEqual([])
    const connect = screen.getByLabelText('Connect an input') as HTMLSelectElement
    const offered = [...connect.options].map((o) => o.value).filter(Boolean)
    expect(offered).toContain('relu3')
    expect(offered).not.toContain('conv1') // 6×28×28 is not flat
    expect(offered).not.toContain('fc3') // fed by fc2: a cycle
    await fireEvent.change(connect, { target: { value: 'fc1' } })
    expect(nodeOf(editor, 'fc2').inputs).toEqual(['fc1'])
  })
})
