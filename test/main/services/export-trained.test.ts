// The whole way a learner takes: LeNet-5 trained for an epoch by a real engine host (a forked process, as
// in browser mode), exported from the project as ONNX and as a PyTorch folder with the dataset's classes
// and mean/std, and the ONNX file run by onnxruntime-node on the dataset's own (normalised) images: it
// gives the scores of the trained model the engine rebuilds from the same checkpoint.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDataset, parseDatasetSpec } from '../../../engine/data/index.ts'
import { buildModel } from '../../../engine/graph/build.ts'
import { TEMPLATES, type ModelSpec } from '../../../engine/graph/index.ts'
import { exportRun } from '../../../main/services/export.ts'
import { engineForward, maxDiff } from '../../engine/export/export-models.ts'
import { readModel } from '../../engine/export/proto-read.ts'
import { ended, openBench, request, shapesData, type Bench } from './runs/run-fixtures.ts'

let b: Bench
beforeEach(() => (b = openBench()))
afterEach(() => b.close())

describe('train, then export', () => {
  it('a LeNet-5 trained by an engine host runs in onnxruntime-node as in the engine', async () => {
    const data = await loadDataset(parseDatasetSpec(shapesData(120)))
    const spec = TEMPLATES.lenet5.spec() as ModelSpec
    const fc3 = spec.nodes.find((n) => n.id === 'fc3')!
    if (fc3.op === 'dense') fc3.units = data.train.classes.length
    const runId = await b.manager.start(request(1, 120, { spec, name: 'lenet' }))
    const final = await ended(b.manager, runId)
    expect(final.status, final.error ?? '').toBe('done')

    const path = join(b.dir, 'lenet.onnx')
    expect((await exportRun(b.store, { runId, format: 'onnx', path }, '0.1.0')).notes).toEqual([])
    expect((await exportRun(b.store, { runId, format: 'pytorch', path: join(b.dir, 'lenet-pytorch') }, '0.1.0')).files).toHaveLength(3)
    const bytes = readFileSync(path)
    // the run recorded only its dataset's source: the export loads it for the classes and mean/std training used
    const meta = readModel(bytes).metadata
    expect(JSON.parse(meta.classes)).toEqual(data.train.classes)
    expect(JSON.parse(meta['normalization.mean'])).toEqual(data.spec.normalization.mode === 'standardize' && data.spec.normalization.mean)
    expect(JSON.parse(meta['normalization.std'])).toHaveLength(1)

    // the engine's model with the same trained weights, and 8 images as training saw them
    const model = buildModel(spec)
    model.loadParameters(new Map(Object.entries(b.store.checkpoints.latest(runId)!.weights).map(([k, t]) => [k, t.data])))
    const n = 8
    const x = new Float32Array(n * 784)
    for (let i = 0; i < n; i++) data.train.read(i, x, i * 784)
    const session = await ort.InferenceSession.create(bytes)
    const y = (await session.run({ input: new ort.Tensor('float32', x, [n, 1, 28, 28]) })).fc3
    expect(y.dims).toEqual([n, data.train.classes.length])
    expect(maxDiff(y.data as Float32Array, await engineForward(model, x, n))).toBeLessThan(1e-4)
    expect(readdirSync(b.dir).filter((f) => f.startsWith('.'))).toEqual([])
  })
})
