// exportRun against a real project file: each format is written where asked, the ONNX file runs in
// onnxruntime-node with the run's classes and normalisation as metadata, the PyTorch folder and the
// .npz hold what the engine's exporters make; refusals (no run, no weights, unknown format, a missing or
// occupied target) say why and leave nothing behind (no temporary file either), and an existing file survives.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportModel, type ExportFormat } from '../../../engine/export/index.ts'
import { exportRun } from '../../../main/services/export.ts'
import { ProjectStore } from '../../../main/store/index.ts'
import { engineForward, maxDiff, sampleCount, seeded } from '../../engine/export/export-models.ts'
import { readModel } from '../../engine/export/proto-read.ts'
import { CLASSES, exportProject, type ExportProject } from './export-project.ts'

let p: ExportProject
let store: ProjectStore
beforeAll(async () => {
  p = await exportProject()
  store = ProjectStore.open(p.path, { readonly: true })
})
afterAll(() => {
  store.close()
  p.dispose()
})

const folder = (name: string) => {
  const dir = join(p.dir, name)
  mkdirSync(dir, { recursive: true })
  return dir
}

describe('exportRun', () => {
  it('writes ONNX that runs, with the classes and normalisation as metadata', async () => {
    const path = join(folder('onnx'), 'lenet.onnx')
    expect(await exportRun(store, { runId: p.trained, format: 'onnx', path }, '9.9.9')).toEqual({ path, files: ['lenet.onnx'], notes: [] })
    const bytes = readFileSync(path)
    const m = readModel(bytes)
    expect(m.metadata).toEqual({
      producer: 'Receptive 9.9.9', name: 'lenet', classes: JSON.stringify(CLASSES),
      'normalization.mean': '[0.13]', 'normalization.std': '[0.31]',
    })
    const session = await ort.InferenceSession.create(bytes)
    const x = seeded(sampleCount(p.model, 3), 5)
    const y = (await session.run({ input: new ort.Tensor('float32', x, [3, 1, 28, 28]) })).fc3
    expect(maxDiff(y.data as Float32Array, await engineForward(p.model, x, 3))).toBeLessThan(1e-4)
    expect(readdirSync(folder('onnx'))).toEqual(['lenet.onnx'])
  })

  it('writes a PyTorch folder and replaces an earlier export of it', async () => {
    const path = join(folder('torch'), 'lenet-pytorch')
    const meta = { producer: { name: 'Receptive', version: '9.9.9' }, name: 'lenet', classes: CLASSES, normalization: { mean: [0.13], std: [0.31] } }
    const expected = exportModel('pytorch', p.model.spec, p.weights, meta)
    for (let twice = 0; twice < 2; twice++) {
      expect((await exportRun(store, { runId: p.trained, format: 'pytorch', path }, '9.9.9')).files).toEqual(['model.py', 'weights.npz', 'README.md'])
      expect(readdirSync(path).sort()).toEqual(['README.md', 'model.py', 'weights.npz'])
      for (const f of expected) expect(readFileSync(join(path, f.name)).equals(Buffer.from(f.data)), f.name).toBe(true)
    }
    expect(readdirSync(folder('torch'))).toEqual(['lenet-pytorch'])
    expect(readFileSync(join(path, 'README.md'), 'utf8')).toMatch(/torchrun/)
  })

  it('writes the weights alone as .npz', async () => {
    const path = join(folder('npz'), 'w.npz')
    await exportRun(store, { runId: p.trained, format: 'npz', path }, '9.9.9')
    const expected = exportModel('npz', p.model.spec, p.weights, { producer: { name: '', version: '' } })[0].data
    expect(readFileSync(path).equals(Buffer.from(expected))).toBe(true)
  })

  const refusals: [string, () => { runId: number; format: ExportFormat; path: string }, RegExp][] = [
    ['a run that does not exist', () => ({ runId: 99, format: 'onnx', path: join(folder('refused'), 'm.onnx') }), /there is no run 99/],
    ['a run without weights', () => ({ runId: p.untrained, format: 'onnx', path: join(folder('refused'), 'm.onnx') }), /no trained weights yet/],
    ['an unknown format', () => ({ runId: p.trained, format: 'tflite' as ExportFormat, path: join(folder('refused'), 'm.tflite') }), /unknown export format "tflite"; use one of onnx, pytorch, npz/],
    ['a folder that does not exist', () => ({ runId: p.trained, format: 'npz', path: join(p.dir, 'nowhere', 'w.npz') }), /does not exist/],
    ['a target that is a folder', () => ({ runId: p.trained, format: 'onnx', path: folder('refused/taken.onnx') }), /cannot write .*taken\.onnx/],
  ]
  for (const [what, request, message] of refusals) {
    it(`refuses ${what}, writing nothing`, async () => {
      const req = request()
      const before = readdirSync(folder('refused'))
      await expect(exportRun(store, req, '9.9.9')).rejects.toThrow(message)
      expect(readdirSync(folder('refused'))).toEqual(before)
    })
  }

  it('leaves a folder holding other files alone', async () => {
    const path = folder('mine')
    writeFileSync(join(path, 'notes.txt'), 'keep me')
    await expect(exportRun(store, { runId: p.trained, format: 'pytorch', path }, '9.9.9')).rejects.toThrow(/holds other files/)
    expect(readdirSync(path)).toEqual(['notes.txt'])
    expect(readdirSync(p.dir).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('leaves an existing file as it was when the export is refused', async () => {
    const path = join(folder('keep'), 'm.onnx')
    writeFileSync(path, 'old')
    await expect(exportRun(store, { runId: p.untrained, format: 'onnx', path }, '9.9.9')).rejects.toThrow(/no trained weights/)
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(existsSync(path)).toBe(true)
  })

  it('exports a run whose dataset is gone, noting what it could not record', async () => {
    const path = join(folder('gone'), 'm.onnx')
    const result = await exportRun(store, { runId: p.dataGone, format: 'onnx', path }, '9.9.9')
    expect(result.notes).toEqual([expect.stringMatching(/^the class names and input normalisation were not recorded: .*moved\.npz/)])
    expect(readModel(readFileSync(path)).metadata).toEqual({ producer: 'Receptive 9.9.9', name: 'moved' })
  })
})
