// The inspection service over a real project file and a real inspection host (forked through tsx):
// snapshot listing, filters decoded back to the stored weights, feature maps of a dataset sample equal to
// the model's own forward on that sample (and cached in the project), a dropped image, receptive-field
// tables, activation maximisation, and a readable error for a run without a checkpoint.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildModel, noGrad, Tensor, TEMPLATES } from '../../../engine/index.ts'
import { loadDataset } from '../../../engine/data/load.ts'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import { InspectService } from '../../../main/services/inspect.ts'
import { ProjectStore } from '../../../main/store/index.ts'

const floats = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64')
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
}

describe('InspectService', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-inspect-'))
  const spec = TEMPLATES.lenet5.spec()
  const dataset = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'digits' }, normalization: { mode: 'standardize', mean: [0.13], std: [0.31] } }
  const model = buildModel(spec, { seed: 4 })
  let store: ProjectStore
  let service: InspectService
  let trained = 0
  let fresh = 0
  const weights: Record<string, { shape: number[]; data: Float32Array }> = {}

  beforeAll(async () => {
    store = ProjectStore.create(join(dir, 'p.receptive'), { appVersion: '0.0.1-test' })
    const run = { spec, hyper: {}, dataset, backend: 'cpu' as const, seed: 4 }
    trained = store.runs.create({ ...run, name: 'lenet' })
    fresh = store.runs.create({ ...run, name: 'fresh' })
    for (const [k, t] of model.parameters()) weights[k] = { shape: [...t.shape], data: (await t.read()).slice() }
    const snap = (step: number, node: string, scale: number) => ({
      kind: 'snapshot' as const, runId: trained, step, epoch: step ? 1 : 0, node, param: 'weight',
      tensor: { shape: weights[`${node}.weight`].shape, data: weights[`${node}.weight`].data.map((v) => v * scale) },
    })
    store.recordEvents([snap(0, 'conv1', 0.5), snap(0, 'conv2', 0.5), snap(5, 'conv1', 1), snap(5, 'conv2', 1), snap(5, 'fc1', 1),
      { kind: 'checkpoint', runId: trained, step: 5, epoch: 1, state: {}, weights, optimizer: {} }])
    service = new InspectService(() => store)
  })
  afterAll(() => {
    service.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists snapshot steps and filter layers in graph order', () => {
    const s = service.snapshots(trained)
    expect(s.steps).toEqual([{ step: 0, epoch: 0 }, { step: 5, epoch: 1 }])
    expect(s.nodes.map((n) => [n.node, n.op, n.shape])).toEqual([
      ['conv1', 'conv', [6, 1, 5, 5]], ['conv2', 'conv', [16, 6, 5, 5]], ['fc1', 'dense', [120, 400]]])
  })

  it('draws the filters of a snapshot step from the stored weights', () => {
    const all = service.filters(trained, 0)
    expect(all.map((f) => f.node)).toEqual(['conv1', 'conv2'])
    const [conv1] = service.filters(trained, 0, 'conv1')
    expect(conv1.groups[0].filters).toBe(6)
    expect([...floats(conv1.groups[0].values)]).toEqual([...weights['conv1.weight'].data.map((v) => v * 0.5)])
    const [fc1] = service.filters(trained, 5, 'fc1')
    expect([fc1.groups[0].channels, fc1.groups[0].height, fc1.groups[0].width]).toEqual([16, 5, 5])
    expect(() => service.filters(trained, 3)).toThrow(/no snapshot at step 3/)
  })

  it('returns feature maps of a test sample equal to the forward pass, and caches them', async () => {
    const maps = await service.featureMaps(trained, { kind: 'sample', split: 'test', index: 7 })
    expect(maps.step).toBe(5)
    expect(maps.label).toMatch(/\d/)
    expect(maps.maps.map((m) => m.node)).toEqual(model.shapes.order)
    const data = await loadDataset(parseDatasetSpec(dataset))
    const x = new Float32Array(784)
    data.test!.read(7, x, 0)
    expect([...floats(maps.maps[0].values)]).toEqual([...x])
    const logits = await noGrad(() => model.forward(Tensor.from(x, [1, 1, 28, 28]))).read()
    const out = floats(maps.maps[maps.maps.length - 1].values)
    out.forEach((v, i) => expect(v).toBeCloseTo(logits[i], 4))
    const conv2 = maps.maps.find((m) => m.node === 'conv2')!
    expect(conv2.field[0][0]).toEqual([0, 11])
    expect(conv2.field[1][9]).toEqual([16, 27])
    expect(maps.maps.find((m) => m.node === 'fc1')!.field).toEqual([])
    expect(store.artifacts.get(trained, 'feature-maps', 'step-5/test-7')?.json).toEqual(maps)
  })

  it('feeds a dropped image through, resized and normalised', async () => {
    const rgba = new Uint8Array(56 * 56 * 4).fill(255) // white and opaque
    const maps = await service.featureMaps(trained, { kind: 'image', width: 56, height: 56, rgba: Buffer.from(rgba).toString('base64') })
    expect(maps.label).toBeNull()
    const input = floats(maps.maps[0].values)
    expect(input).toHaveLength(784)
    input.forEach((v) => expect(v).toBeCloseTo((1 - 0.13) / 0.31, 5))
  })

  it('maximises a channel, caching the result', async () => {
    const r = await service.maximize(trained, { node: 'conv2', channel: 2, steps: 8, seed: 1 })
    expect(r.shape).toEqual([1, 28, 28])
    expect(r.activations[8]!).toBeGreaterThan(r.activations[0]!)
    expect(store.artifacts.get(trained, 'maximize', 'step-5/conv2/2/8/1')?.json).toEqual(r)
  })

  it('says a run needs a checkpoint, and passes the host errors on', async () => {
    await expect(service.featureMaps(fresh, { kind: 'sample', split: 'test', index: 0 })).rejects.toThrow(/no checkpoint/)
    await expect(service.featureMaps(trained, { kind: 'sample', split: 'test', index: 99_999 })).rejects.toThrow(/no sample 99999/)
    await expect(service.maximize(trained, { node: 'nope', channel: 0 })).rejects.toThrow(/no node nope/)
  })
})
