// The editor's small pure helpers: count formatting, node summaries, defaults and ids, minimap geometry.
import { describe, expect, it } from 'vitest'
import { formatBytes, formatCompact, formatCount } from '../../../renderer/editor/format-counts.ts'
import { nodeSummary } from '../../../renderer/editor/node-summary.ts'
import { freshId, inputRank, newNode } from '../../../renderer/editor/node-defaults.ts'
import { mapToCanvas, overviewBox } from '../../../renderer/editor/overview-box.ts'
import { FORMAT, inferShapes, OP_NAMES, type ModelSpec } from '../../../engine/graph/index.ts'

describe('format-counts', () => {
  it('writes parameters exactly and FLOPs and bytes rounded with a unit', () => {
    expect(formatCount(61706)).toBe('61,706')
    expect(formatCompact(999)).toBe('999')
    expect(formatCompact(2_345_678)).toBe('2.3 M')
    expect(formatCompact(852_000)).toBe('852 k')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB')
  })
})

describe('nodeSummary', () => {
  it('says a layer\'s main settings in a few characters', () => {
    expect(nodeSummary({ id: 'c', op: 'conv', filters: 6, kernel: [5, 5], padding: 'same', stride: [2, 2] })).toBe('6 @ 5×5, stride 2×2, same')
    expect(nodeSummary({ id: 't', op: 'tiled', filters: 8, kernel: [3, 3], tiles: 2 })).toBe('8 @ 3×3, tiles 2')
    expect(nodeSummary({ id: 'p', op: 'maxpool', window: [2, 2] })).toBe('2×2')
    expect(nodeSummary({ id: 'm', op: 'channelpool', groupSize: 4, mode: 'avg' })).toBe('groups of 4, avg')
    expect(nodeSummary({ id: 'd', op: 'dropout' })).toBe('rate 0.5')
    expect(nodeSummary({ id: 'r', op: 'relu' })).toBe('')
  })
})

describe('node defaults', () => {
  const withInput = (shape: number[]): ModelSpec => ({ format: FORMAT, nodes: [{ id: 'in', op: 'input', shape }], output: 'in' })

  it('fits kernels and windows to the input rank', () => {
    expect(inputRank(withInput([1, 8000]))).toBe(1)
    expect(inputRank(withInput([1, 16, 16, 16]))).toBe(3)
    expect(inputRank({ format: FORMAT, nodes: [], output: '' })).toBe(2)
    expect(newNode('conv', 'c', 3)).toEqual({ id: 'c', op: 'conv', filters: 8, kernel: [3, 3, 3] })
    expect(newNode('local', 'l', 3)).toMatchObject({ kernel: [3, 3] }) // unshared convolution stops at 2D
    expect(newNode('maxpool', 'p', 1)).toEqual({ id: 'p', op: 'maxpool', window: [2] })
  })

  it('makes a valid layer of every op, placed after a matching input', () => {
    for (const op of OP_NAMES.filter((o) => o !== 'input' && o !== 'add' && o !== 'concat')) {
      const rank = op === 'dense' ? 0 : 2
      const input = rank ? [4, 12, 12] : [40]
      const spec: ModelSpec = { format: FORMAT, output: 'x', nodes: [{ id: 'in', op: 'input', shape: input }, { ...newNode(op, 'x', 2), inputs: ['in'] }] }
      expect(inferShapes(spec).issues, op).toEqual([])
    }
  })

  it('takes the first free id for the op', () => {
    expect(freshId('conv', ['conv1', 'conv3'])).toBe('conv2')
    expect(freshId('maxpool', [])).toBe('pool1')
    expect(freshId('batchnorm', new Set(['bn1']))).toBe('bn2')
  })
})

describe('overview geometry', () => {
  it('frames every node and the view at the map\'s aspect ratio, and maps points back', () => {
    const box = overviewBox([{ x: 0, y: 0, width: 100, height: 50 }, { x: 900, y: 100, width: 100, height: 50 }], { x: 0, y: 0, width: 400, height: 300 }, 200, 100, 0)
    expect(box).toEqual({ x: 0, y: -100, width: 1000, height: 500 })
    expect(mapToCanvas(box, 200, 100, 100, 50)).toEqual({ x: 500, y: 150 })
  })
})
