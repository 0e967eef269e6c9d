import { describe, expect, it } from 'vitest'
import { copyFragment, pasteFragment, PASTE_OFFSET } from '../../../renderer/editor/clipboard.ts'
import type { EditorDoc } from '../../../renderer/editor/doc.ts'

const doc: EditorDoc = {
  spec: {
    format: 'receptive.graph/1', output: 'relu1',
    nodes: [
      { id: 'input', op: 'input', shape: [1, 8, 8] },
      { id: 'conv1', op: 'conv', inputs: ['input'], filters: 2, kernel: [3, 3] },
      { id: 'relu1', op: 'relu', inputs: ['conv1'] },
    ],
  },
  layout: { input: { x: 0, y: 0 }, conv1: { x: 100, y: 0 }, relu1: { x: 200, y: 10 } },
}

describe('copy and paste', () => {
  it('copies the links inside the selection only', () => {
    const f = copyFragment(doc, new Set(['conv1', 'relu1']))
    expect(f.nodes.map((n) => [n.id, n.inputs])).toEqual([['conv1', []], ['relu1', ['conv1']]])
  })

  it('pastes under fresh ids, rewires the inner links and offsets the positions', () => {
    const f = copyFragment(doc, new Set(['conv1', 'relu1']))
    const { doc: next, ids } = pasteFragment(doc, f)
    expect(ids).toEqual(['conv2', 'relu2'])
    expect(next.spec.nodes.find((n) => n.id === 'relu2')!.inputs).toEqual(['conv2'])
    expect(next.layout.relu2).toEqual({ x: 200 + PASTE_OFFSET, y: 10 + PASTE_OFFSET })
    expect(next.spec.output).toBe('relu1')
    // pasting the same fragment again gets new ids again and sits further along
    const again = pasteFragment(next, f, 2)
    expect(again.ids).toEqual(['conv3', 'relu3'])
    expect(again.doc.layout.conv3).toEqual({ x: 100 + 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET })
  })
})
