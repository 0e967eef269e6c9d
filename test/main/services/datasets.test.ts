// The dataset service against real forked dataset processes and a real project file: an image folder
// (fixture PNGs plus one file that is not an image) imported with progress, its summary naming the bad
// file, the spec completed from the data; "fail on bad files", cancel, previews per split against the
// engine's own preview, detection, and saved datasets surviving a reopen. Also through the real dispatch.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { openBuiltin, previewGrid, splitValidation } from '../../../engine/data/index.ts'
import { contract, type Events } from '../../../preload/contract.ts'
import { createDispatch } from '../../../main/dispatch.ts'
import { createHandlers } from '../../../main/handlers.ts'
import { DatasetService } from '../../../main/services/datasets.ts'
import { ProjectService } from '../../../main/services/projects.ts'
import { ProjectStore } from '../../../main/store/index.ts'

const fixtureImage = (name: string) => resolve(import.meta.dirname, '../../fixtures/data/images', name)

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-datasets-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** class folders of copies of grey.png (6×5), and one file that only pretends to be a PNG */
function imageFolder(perClass: Record<string, number>, bad = true): string {
  const root = join(scratch(), 'pictures')
  for (const [cls, n] of Object.entries(perClass)) {
    mkdirSync(join(root, cls), { recursive: true })
    for (let i = 0; i < n; i++) copyFileSync(fixtureImage('grey.png'), join(root, cls, `${i}.png`))
  }
  if (bad) writeFileSync(join(root, Object.keys(perClass)[0], 'notes.png'), 'these are my notes, not a picture\n')
  return root
}

// grey.png: value (y·40 + x·9) mod 256 at row y, column x
const greyValues = Array.from({ length: 30 }, (_, k) => ((Math.floor(k / 5) * 40 + (k % 5) * 9) % 256) / 255)
const greyMean = greyValues.reduce((a, b) => a + b, 0) / 30
const greyStd = Math.sqrt(greyValues.reduce((a, v) => a + (v - greyMean) ** 2, 0) / 30)

type Heard = { event: string; payload: unknown }

function service(): { svc: DatasetService; heard: Heard[]; store: ProjectStore; path: string } {
  const dir = scratch()
  const path = join(dir, 'data.receptive')
  const store = ProjectStore.create(path, { appVersion: 'test' })
  const heard: Heard[] = []
  const svc = new DatasetService(() => store, { cacheDir: join(dir, 'cache'), emit: (event, payload) => heard.push({ event, payload }) })
  onTestFinished(() => { svc.close(); store.close() })
  return { svc, heard, store, path }
}

describe('DatasetService', () => {
  it('imports an image folder in a separate process: progress, a summary naming the bad file, the completed spec', async () => {
    const { svc, heard } = service()
    const root = imageFolder({ circle: 3, square: 2 })
    const { importId } = svc.import({ source: { kind: 'path', path: root }, options: {}, split: { validation: 0.2, seed: 5 }, preview: 2 })
    const outcome = await svc.result(importId)
    if (!outcome.ok) throw new Error(`import failed: ${outcome.file}: ${outcome.reason}`)
    const { summary, spec } = outcome
    expect(summary.format).toBe('image-folder')
    expect(summary.classes).toEqual(['circle', 'square'])
    expect(summary.inputShape).toEqual([1, 6, 5])
    expect(summary.splits).toEqual([{ name: 'train', count: 5, perClass: [3, 2] }])
    expect(summary.bad).toHaveLength(1)
    expect(summary.bad[0].file).toBe(join(root, 'circle', 'notes.png'))
    expect(summary.mean[0]).toBeCloseTo(greyMean, 6)
    expect(summary.std[0]).toBeCloseTo(greyStd, 6)
    expect(spec).toMatchObject({
      format: 'receptive.dataset/1', source: { kind: 'path', path: root, format: 'image-folder' },
      inputShape: [1, 6, 5], classes: ['circle', 'square'], split: { validation: 0.2, seed: 5 },
      normalization: { mode: 'standardize', mean: summary.mean, std: summary.std },
    })
    // the first look at the training split came with it, as a separate preview of the completed spec draws it
    expect(outcome.preview).toEqual(await svc.preview({ spec, split: 'train', perClass: 2 }))
    expect(outcome.preview!.map((c) => c.samples.length)).toEqual([2, 2])
    // progress came before the one final event, which carries the same outcome
    const names = heard.map((h) => h.event)
    expect(names.at(-1)).toBe('data.imported')
    expect(names.filter((n) => n !== 'data.progress')).toEqual(['data.imported'])
    expect(names).toContain('data.progress')
    const last = heard.findLast((h) => h.event === 'data.imported')!.payload as Events['data.imported']
    expect(last).toEqual({ importId, summary, spec })
    for (const h of heard.slice(0, -1)) {
      const p = h.payload as Events['data.progress']
      expect(p.importId).toBe(importId)
      expect(p.done).toBeLessThanOrEqual(p.total)
    }
  })

  it('with "fail on bad files" imports nothing and names the file and the reason', async () => {
    const { svc, heard } = service()
    const root = imageFolder({ a: 2, b: 2 })
    const { importId } = svc.import({ source: { kind: 'path', path: root }, options: { onBad: 'fail' } })
    const outcome = await svc.result(importId)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.file).toBe(join(root, 'a', 'notes.png'))
    expect(outcome.reason.length).toBeGreaterThan(0)
    expect(outcome.cancelled).toBe(false)
    expect(heard.at(-1)).toEqual({ event: 'data.failed', payload: { importId, file: outcome.file, reason: outcome.reason, bad: outcome.bad, cancelled: false } })
  })

  it('refuses options the reader does not know before starting anything', () => {
    const { svc, heard } = service()
    expect(() => svc.import({ source: { kind: 'path', path: '/nowhere' }, options: { resize: 'zoom' } })).toThrow(/resize/)
    expect(() => svc.import({ source: { kind: 'path', path: '/nowhere' }, options: {}, split: { validation: 2, seed: 0 } })).toThrow(/validation/)
    expect(heard).toEqual([])
  })

  it('cancels an import: it ends as cancelled and nothing is imported', async () => {
    const { svc, heard } = service()
    const root = imageFolder({ a: 400, b: 400 }, false)
    const { importId } = svc.import({ source: { kind: 'path', path: root }, options: {} })
    svc.cancel(importId)
    const outcome = await svc.result(importId)
    expect(outcome).toMatchObject({ ok: false, cancelled: true, reason: 'import cancelled' })
    expect(heard.at(-1)?.event).toBe('data.failed')
    svc.cancel(importId) // cancelling an ended import is harmless
    expect(() => svc.cancel(9999)).toThrow(/no import 9999/)
  })

  it('reports a path no reader recognises with the readers it tried', async () => {
    const { svc } = service()
    const file = join(scratch(), 'notes.txt')
    writeFileSync(file, 'hello')
    const outcome = await svc.result(svc.import({ source: { kind: 'path', path: file }, options: {} }).importId)
    expect(outcome).toMatchObject({ ok: false, file, cancelled: false })
    if (!outcome.ok) expect(outcome.reason).toMatch(/not a dataset Receptive can read/)
  })

  it('previews each split of a built-in set exactly as the engine draws it', async () => {
    const { svc } = service()
    const spec = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes', count: 60 }, split: { validation: 0.25, seed: 3 } }
    const train = await svc.preview({ spec, split: 'train', perClass: 2 })
    const raw = (await openBuiltin('shapes', { count: 60 })).train
    const expected = previewGrid(splitValidation(raw, 0.25, 3).train, 2)
    expect(train.map((c) => [c.name, c.count])).toEqual(expected.map((c) => [c.name, c.count]))
    for (const [k, c] of train.entries()) {
      expect(c.samples).toHaveLength(2)
      for (const [j, s] of c.samples.entries()) {
        const e = expected[k].samples[j]
        if (s.kind !== 'image' || e.kind !== 'image') throw new Error('shapes are images')
        expect([s.index, s.width, s.height, s.channels]).toEqual([e.index, 28, 28, 1])
        expect(Buffer.from(s.pixels, 'base64')).toEqual(Buffer.from(e.pixels))
      }
    }
    const validation = await svc.preview({ spec, split: 'validation', perClass: 1 })
    expect(validation.reduce((n, c) => n + c.count, 0)).toBe(15)
    const waves = await svc.preview({ spec: { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'waveforms', count: 8 } }, split: 'train', perClass: 1 })
    expect(waves[0].samples[0]).toMatchObject({ kind: 'signal' })
    if (waves[0].samples[0].kind === 'signal') expect(waves[0].samples[0].values).toHaveLength(128)
    await expect(svc.preview({ spec: { ...spec, split: { validation: 0, seed: 0 } }, split: 'validation', perClass: 1 })).rejects.toThrow(/no validation split/)
  })

  it('previews an imported folder with its first epoch of augmentation', async () => {
    const { svc } = service()
    const root = imageFolder({ a: 2, b: 1 }, false)
    const spec = { format: 'receptive.dataset/1', source: { kind: 'path', path: root }, split: { validation: 0, seed: 0 }, augmentation: { flip: { p: 1 } } }
    const [plain, flipped] = await Promise.all([
      svc.preview({ spec, split: 'train', perClass: 1 }), svc.preview({ spec, split: 'train', perClass: 1, augmented: true }),
    ])
    const px = (p: typeof plain) => { const s = p[0].samples[0]; return s.kind === 'image' ? [...Buffer.from(s.pixels, 'base64')] : [] }
    const rows = (v: number[]) => Array.from({ length: 6 }, (_, y) => v.slice(y * 5, y * 5 + 5))
    expect(rows(px(flipped))).toEqual(rows(px(plain)).map((r) => [...r].reverse()))
    expect(px(plain)).toEqual(greyValues.map((v) => Math.round(v * 255)))
  })

  it('detects formats and says when a path does not exist', async () => {
    const { svc } = service()
    expect(await svc.detect(imageFolder({ a: 1, b: 1 }))).toEqual({ format: 'image-folder', name: expect.stringMatching(/image folder/) })
    const file = join(scratch(), 'notes.txt')
    writeFileSync(file, 'hello')
    expect(await svc.detect(file)).toBeNull()
    await expect(svc.detect(join(file, 'missing'))).rejects.toThrow(/no such file or folder/)
  })

  it('keeps dataset specs in the project: saved, listed by name, replaced by name, removed, still there after reopening', () => {
    const { svc, store, path } = service()
    const spec = { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'shapes' } }
    const { id } = svc.save('Shapes', spec)
    svc.save('Digits', { format: 'receptive.dataset/1', source: { kind: 'builtin', id: 'digits' } })
    expect(svc.list().map((d) => d.name)).toEqual(['Digits', 'Shapes'])
    expect(svc.save('Shapes', { ...spec, split: { validation: 0.3, seed: 1 } }).id).toBe(id)
    expect(() => svc.save('Broken', { format: 'receptive.dataset/1', source: { kind: 'web' } })).toThrow(/invalid dataset spec/)
    store.close()
    const again = ProjectStore.open(path)
    onTestFinished(() => again.close())
    const reopened = new DatasetService(() => again, { cacheDir: scratch() })
    expect(reopened.list().map((d) => [d.name, (d.spec as { split: unknown }).split])).toEqual([
      ['Digits', { validation: 0.1, seed: 0 }], ['Shapes', { validation: 0.3, seed: 1 }],
    ])
    reopened.remove(id)
    expect(reopened.list().map((d) => d.name)).toEqual(['Digits'])
    expect(() => reopened.remove(id)).toThrow(/no saved dataset/)
  })
})

describe('data calls through the dispatch', () => {
  let projects: ProjectService | undefined
  afterEach(() => projects?.close())

  it('imports, waits for the outcome, saves and lists; a bad argument is refused by the contract', async () => {
    const dir = scratch()
    projects = new ProjectService({ appVersion: 'test', settingsDir: join(dir, 'settings'), cwd: dir })
    const datasets = new DatasetService(() => projects!.current, { cacheDir: join(dir, 'cache') })
    const dispatch = createDispatch(contract, createHandlers({ version: 'test', platform: 'linux', projects, datasets }))
    const root = imageFolder({ x: 1, y: 1 })
    const started = await dispatch('data.import', { source: { kind: 'path', path: root }, options: { size: [4, 4], resize: 'fit' } })
    if (!started.ok) throw new Error(started.error.message)
    const done = await dispatch('data.result', started.result)
    if (!done.ok) throw new Error(done.error.message)
    const outcome = done.result as { ok: true; spec: Record<string, unknown>; summary: { inputShape: number[]; bad: unknown[] } }
    expect(outcome.summary.inputShape).toEqual([1, 4, 4])
    expect(outcome.summary.bad).toHaveLength(1)
    expect((await dispatch('data.save', { name: 'pics', spec: outcome.spec })).ok).toBe(true)
    const list = await dispatch('data.list', undefined)
    expect(list.ok && (list.result as { name: string }[]).map((d) => d.name)).toEqual(['pics'])
    expect(await dispatch('data.preview', { spec: outcome.spec, split: 'train', perClass: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await dispatch('dialog.openDataset', { folder: true })).toMatchObject({ ok: false, error: { message: /browser mode/ } })
  })
})
