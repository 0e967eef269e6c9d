// Evaluation of a finished run: the tally against hand-computed values, and the service end to end (a run
// trained by a real engine host, evaluated by the forked evaluation process, checked against the engine's
// own evaluate() on the same weights, cached in the project, its images served by index).
import { afterEach, describe, expect, it } from 'vitest'
import { buildModel, evaluate } from '../../../engine/index.ts'
import { loadDataset } from '../../../engine/data/load.ts'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import { previewSample } from '../../../engine/data/preview.ts'
import { EvaluationService, forkEvaluation, type EvaluateProcess } from '../../../main/services/evaluate.ts'
import { EvaluationCounter } from '../../../engine/host/evaluate-results.ts'
import { ended, mlpSpec, openBench, request, type Bench } from './runs/run-fixtures.ts'

describe('EvaluationCounter', () => {
  it('tallies predictions, softmax confidence and mean cross-entropy', () => {
    const c = new EvaluationCounter(3)
    c.add([1, 2, 0, /**/ 0, 0, 5], [1, 0])
    c.add([3, 3, 1], [1])
    const r = c.result()
    expect(r.predicted).toEqual([1, 2, 0]) // a tie goes to the first class
    expect(r.labels).toEqual([1, 0, 1])
    expect(r.confusion).toEqual([[0, 0, 1], [1, 1, 0], [0, 0, 0]])
    expect(r.accuracy).toBeCloseTo(1 / 3, 15)
    const lse = (xs: number[]) => Math.log(xs.reduce((a, x) => a + Math.exp(x), 0))
    expect(r.confidence[0]).toBeCloseTo(Math.exp(2) / (Math.exp(1) + Math.exp(2) + 1), 12)
    expect(r.confidence[1]).toBeCloseTo(Math.exp(5) / (2 + Math.exp(5)), 12)
    const loss = ((lse([1, 2, 0]) - 2) + (lse([0, 0, 5]) - 0) + (lse([3, 3, 1]) - 3)) / 3
    expect(r.loss).toBeCloseTo(loss, 12)
  })

  it('refuses an empty split', () => {
    expect(() => new EvaluationCounter(2).result()).toThrow(/no samples/)
  })
})

describe('EvaluationService', () => {
  let b: Bench | undefined
  afterEach(() => b?.close())

  it('evaluates a trained run on its test split once, agreeing with the engine, and serves its images', async () => {
    b = openBench()
    const runId = await b.manager.start(request(1, 300))
    expect((await ended(b.manager, runId)).status).toBe('done')
    let forks = 0
    const counting: EvaluateProcess = (job) => (forks++, forkEvaluation(job))
    const service = new EvaluationService(() => b!.store, counting)

    const [first, second] = await Promise.all([service.run(runId), service.run(runId)])
    expect(forks).toBe(1)
    expect(second).toEqual(first)
    expect(await service.run(runId)).toEqual(first)
    expect(forks).toBe(1) // from the project's artifacts now

    // the engine's evaluate() on the checkpoint's weights gives the same matrix and accuracy
    const cp = b.store.checkpoints.latest(runId)!
    const model = buildModel(mlpSpec)
    model.loadParameters(new Map(Object.entries(cp.weights).map(([k, t]) => [k, t.data])))
    const data = await loadDataset(parseDatasetSpec(b.store.runs.get(runId)!.dataset))
    const reference = await evaluate(model, data.test!)
    expect(first.split).toBe('test')
    expect(first.confusion).toEqual(reference.confusion)
    expect(first.accuracy).toBeCloseTo(reference.accuracy, 12)
    expect(first.loss).toBeCloseTo(reference.loss, 4)
    expect(first.labels).toHaveLength(reference.samples)
    expect(first.classes).toEqual(data.test!.classes)

    const images = await service.samples(runId, [3, 0])
    expect(images.shape).toEqual([28, 28, 1])
    const expected = previewSample(data.test!, 3)
    expect(expected.kind).toBe('image')
    expect(Buffer.from(images.images[0], 'base64')).toEqual(Buffer.from((expected as { pixels: Uint8Array }).pixels))
    await expect(service.samples(runId, [10_000])).rejects.toThrow(/no sample 10000/)
  }, 60_000)

  it('says why a run without a checkpoint cannot be evaluated', async () => {
    b = openBench()
    const runId = b.store.runs.create({ name: 'never ran', spec: mlpSpec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 })
    await expect(new EvaluationService(() => b!.store).run(runId)).rejects.toThrow(/no checkpoint yet/)
    await expect(new EvaluationService(() => b!.store).run(999)).rejects.toThrow(/no run 999/)
  })
})
