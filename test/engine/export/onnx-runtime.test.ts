// ONNX export checked by a real runtime: each model is exported, loaded by onnxruntime-node (CPU) and run
// on seeded inputs; its outputs must equal the engine's forward within 1e-4. Covers every template, one
// spec per layer kind and padding style (1D, 2D, 3D), and a graph using every kind with add and concat.
import * as ort from 'onnxruntime-node'
import { describe, expect, it } from 'vitest'
import { exportOnnx } from '../../../engine/export/index.ts'
import { TEMPLATES, type ModelSpec } from '../../../engine/graph/index.ts'
import { engineForward, exportCase, maxDiff, sampleCount, seeded } from './export-models.ts'
import { EVERY_KIND, ODD_NAMES, singleNode } from './specs.ts'

const meta = { producer: { name: 'Receptive', version: 'test' } }

async function check(spec: ModelSpec, n = 2): Promise<number> {
  const { model, weights } = await exportCase(spec)
  const bytes = exportOnnx(spec, weights, meta)
  const session = await ort.InferenceSession.create(bytes)
  const x = seeded(sampleCount(model, n), 99)
  const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', x, [n, ...model.inputShape]) }
  const result = await session.run(feeds)
  const y = result[session.outputNames[0]]
  expect(y.dims).toEqual([n, ...model.outputShape])
  return maxDiff(y.data as Float32Array, await engineForward(model, x, n))
}

describe('ONNX export run by onnxruntime-node', () => {
  for (const [name, template] of Object.entries(TEMPLATES)) {
    it(`template ${name}`, async () => {
      expect(await check(template.spec())).toBeLessThan(1e-4)
    })
  }

  for (const [name, spec] of singleNode) {
    it(name, async () => {
      expect(await check(spec, 3)).toBeLessThan(1e-4)
    })
  }

  it('a graph with every layer kind, residual add and concat', async () => {
    expect(await check(EVERY_KIND)).toBeLessThan(1e-4)
  })

  it('a graph whose node ids are odd names', async () => {
    expect(await check(ODD_NAMES)).toBeLessThan(1e-4)
  })

  it('runs any batch size (the batch dimension is symbolic)', async () => {
    const spec = TEMPLATES.lenet5.spec()
    expect(await check(spec, 1)).toBeLessThan(1e-4)
    expect(await check(spec, 5)).toBeLessThan(1e-4)
  })
})

