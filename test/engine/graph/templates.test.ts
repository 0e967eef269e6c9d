// Every template is valid, and LeNet-5's shapes, parameter count and FLOPs match a count by hand.
import { describe, expect, it } from 'vitest'
import { TEMPLATES, inferShapes } from '../../../engine/graph/index.ts'

describe('templates', () => {
  it.each(Object.keys(TEMPLATES))('%s is valid and ends in 10 class scores', (name) => {
    const report = inferShapes(TEMPLATES[name].spec())
    expect(report.issues).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.output).toEqual([10])
    expect(report.totals.params).toBeGreaterThan(0)
  })

  it('LeNet-5: shapes and parameter count by hand', () => {
    const report = inferShapes(TEMPLATES.lenet5.spec())
    const shapes = Object.fromEntries(report.order.map((id) => [id, report.nodes[id].shape]))
    expect(shapes).toMatchObject({
      conv1: [6, 28, 28], pool1: [6, 14, 14], conv2: [16, 10, 10], pool2: [16, 5, 5], flatten: [400], fc1: [120], fc2: [84], fc3: [10],
    })
    const conv1 = 6 * (1 * 5 * 5) + 6
    const conv2 = 16 * (6 * 5 * 5) + 16
    const fc1 = 400 * 120 + 120
    const fc2 = 120 * 84 + 84
    const fc3 = 84 * 10 + 10
    expect(report.totals.params).toBe(conv1 + conv2 + fc1 + fc2 + fc3)
    expect(report.totals.params).toBe(61706)
    // multiply-adds ×2 plus one add per bias, for the layers that dominate
    expect(report.nodes.conv1.flops).toBe(6 * 28 * 28 * (2 * 25 + 1))
    expect(report.nodes.conv2.flops).toBe(16 * 10 * 10 * (2 * 150 + 1))
    expect(report.nodes.fc1.flops).toBe(120 * (2 * 400 + 1))
  })

  it('the 1D and 3D templates have the spatial rank of their input', () => {
    const audio = inferShapes(TEMPLATES.audio1d.spec())
    expect(audio.nodes.conv1.shape).toEqual([32, 1981]) // floor((8000 − 80) / 4) + 1
    expect(audio.nodes.conv1.paramShapes.weight.shape).toEqual([32, 1, 80])
    const volume = inferShapes(TEMPLATES.volume3d.spec())
    expect(volume.nodes.pool2.shape).toEqual([16, 4, 4, 4])
    expect(volume.nodes.conv2.paramShapes.weight.shape).toEqual([16, 8, 3, 3, 3])
  })

  it('spec() gives a fresh copy each time', () => {
    const a = TEMPLATES.vgg.spec()
    a.nodes.pop()
    expect(TEMPLATES.vgg.spec().nodes.length).toBe(a.nodes.length + 1)
  })
})
