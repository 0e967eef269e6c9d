// The editor's runes state without a canvas: every edit is one undoable step, and undo is exact.
import { describe, expect, it } from 'vitest'
import { Editor } from '../../../renderer/editor/editor.svelte.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'

const ids = (e: Editor) => e.doc.spec.nodes.map((n) => n.id)
const inputsOf = (e: Editor, id: string) => e.doc.spec.nodes.find((n) => n.id === id)?.inputs

describe('Editor', () => {
  it('adds a layer after the selected one and connects it when the shapes fit', () => {
    const e = new Editor()
    e.addLayer('input', { x: 0, y: 0 })
    e.addLayer('conv')
    expect(inputsOf(e, 'conv1')).toEqual(['input1'])
    expect(e.selectedNodes).toEqual(['conv1'])
    e.addLayer('dense') // a dense layer does not fit a 3-D output: added, not connected
    expect(inputsOf(e, 'dense1')).toBeUndefined()
    expect(e.doc.layout.dense1.x).toBeGreaterThan(e.doc.layout.conv1.x)
    expect(e.report.nodes.conv1.shape).toEqual([8, 26, 26])
  })

  it('refuses a bad connection with a notice and records a good one', () => {
    const e = new Editor()
    e.addLayer('input', { x: 0, y: 0 })
    e.addLayer('dense', { x: 200, y: 0 })
    e.connect({ source: 'input1', target: 'dense1' })
    expect(e.notice).toMatch(/^Cannot connect: dense1: needs a flat input/)
    expect(inputsOf(e, 'dense1')).toBeUndefined()
    e.addLayer('flatten', { x: 100, y: 0 })
    e.connect({ source: 'input1', target: 'flatten1' })
    e.connect({ source: 'flatten1', target: 'dense1' })
    expect(e.report.ok).toBe(true)
    expect(e.report.output).toEqual([10])
  })

  it('undoes every edit back to the exact earlier document and redoes it', () => {
    const e = new Editor()
    e.useTemplate('lenet5')
    const start = e.doc
    e.select(['conv1', 'relu1'])
    e.deleteSelection()
    e.select(['conv2'])
    expect(e.setField('conv2', 'filters', 32)).toBeNull()
    e.nudgeSelection(10, 0)
    e.nudgeSelection(10, 0) // nudges in a row are one step
    expect(ids(e)).not.toContain('conv1')
    e.undo()
    expect(e.doc.layout.conv2.x).toBe(start.layout.conv2.x)
    e.undo()
    e.undo()
    expect(e.doc).toBe(start)
    expect(JSON.stringify(e.doc)).toBe(JSON.stringify(start))
    e.redo()
    expect(ids(e)).not.toContain('relu1')
    expect(e.canRedo).toBe(true)
  })

  it('copies, pastes and duplicates the selection with its inner links, selecting the copy', () => {
    const e = new Editor()
    e.useTemplate('lenet5')
    e.select(['conv1', 'relu1'])
    e.copy()
    e.paste()
    expect(e.selectedNodes).toEqual(['conv3', 'relu5'])
    expect(inputsOf(e, 'relu5')).toEqual(['conv3'])
    e.duplicate()
    expect(e.selectedNodes).toEqual(['conv4', 'relu6'])
    e.cut()
    expect(ids(e)).not.toContain('conv4')
    e.paste()
    expect(e.selectedNodes).toEqual(['conv4', 'relu6'])
  })

  it('deletes a selected edge alone, and the output follows a deleted output node', () => {
    const e = new Editor()
    e.useTemplate('lenet5')
    e.flowEdges = e.flowEdges.map((edge) => ({ ...edge, selected: edge.id === 'relu4->fc3' }))
    e.deleteSelection()
    expect(inputsOf(e, 'fc3')).toEqual([])
    e.select(['fc3'])
    e.deleteSelection()
    expect(e.doc.spec.output).toBe('relu4')
    expect(e.flowNodes.find((n) => n.id === 'relu4')!.data.isOutput).toBe(true)
  })

  it('commits a drag as one step, and a load leaves nothing to undo', () => {
    const e = new Editor()
    e.useTemplate('lenet5')
    const revision = e.revision
    e.moved([{ id: 'conv1', position: { x: 5, y: 7 } }, { id: 'relu1', position: e.doc.layout.relu1 }])
    expect(e.doc.layout.conv1).toEqual({ x: 5, y: 7 })
    expect(e.revision).toBe(revision + 1)
    e.load(e.doc)
    expect(e.canUndo).toBe(false)
  })

  it('starts every template valid, laid out, with nothing red, and undoable', () => {
    for (const key of Object.keys(TEMPLATES)) {
      const e = new Editor()
      const fit = e.fitRequest
      e.useTemplate(key)
      expect(e.report.ok, key).toBe(true)
      expect(e.flowNodes.filter((n) => n.data.problem), key).toEqual([])
      expect(Object.keys(e.doc.layout).sort(), key).toEqual(e.doc.spec.nodes.map((n) => n.id).sort())
      expect(e.fitRequest).toBe(fit + 1)
      e.undo()
      expect(e.doc.spec.nodes, key).toEqual([])
    }
  })
})
