// The Data view's state against main's real handlers and dataset service (an in-process Api over a
// temporary project, events through main's event hub, imports in forked dataset processes): progress
// shown while a folder imports, its summary and preview, cancel, saving and removing, a built-in set.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEventHub } from '../../../main/events.ts'
import { DatasetService } from '../../../main/services/datasets.ts'
import { contract, type Api } from '../../../preload/contract.ts'
import { DataState, PER_CLASS } from '../../../renderer/data/data-state.svelte.ts'
import { tempProjects, type TempProjects } from '../../main/temp-projects.ts'
import { handlersApi } from '../handlers-api.ts'

const fixture = (name: string) => resolve(import.meta.dirname, '../../fixtures/data/images', name)

describe('DataState', { timeout: 60_000 }, () => {
  let temp: TempProjects | undefined
  let datasets: DatasetService | undefined
  afterEach(() => {
    datasets?.close()
    temp?.dispose()
  })

  function localApi(): Api {
    temp = tempProjects()
    const projects = temp.projects
    const hub = createEventHub(contract)
    datasets = new DatasetService(() => projects.current, { cacheDir: join(temp.dir, 'cache'), emit: hub.emit })
    return handlersApi({ projects, datasets }, hub)
  }

  /** `n` copies of grey.png in each of two class folders, and one text file posing as a PNG */
  function folder(n: number): string {
    const root = join(temp!.dir, `pictures-${n}`)
    for (const c of ['ant', 'bee']) {
      mkdirSync(join(root, c), { recursive: true })
      for (let i = 0; i < n; i++) copyFileSync(fixture('grey.png'), join(root, c, `${i}.png`))
    }
    writeFileSync(join(root, 'bee', 'readme.png'), 'hello')
    return root
  }

  const until = async (test: () => boolean, ms = 60_000) => {
    const end = Date.now() + ms
    while (!test()) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  it('imports a folder showing progress, then its summary, samples per class; saves and removes it', async () => {
    const data = new DataState(localApi())
    const stop = data.connect()
    await until(() => data.builtins.length > 0)
    const root = folder(300)
    await data.choosePath(root)
    expect(data.detected?.format).toBe('image-folder')
    expect(data.groups).toEqual(['image', 'badFiles'])
    const texts = new Set<string>()
    const done = data.startImport()
    await until(() => data.running)
    while (data.running) {
      if (data.progress) texts.add(data.progress.text)
      await new Promise((r) => setTimeout(r, 5))
    }
    await done
    expect(texts.size).toBeGreaterThan(0)
    for (const t of texts) expect(t).toMatch(/^(Scanning|Reading|Decoding) [\d,]+ of [\d,]+ files \(\d+ %/)
    expect(data.progress).toBeNull()
    const outcome = data.outcome
    if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`)
    expect(outcome.summary.splits).toEqual([{ name: 'train', count: 600, perClass: [300, 300] }])
    expect(outcome.summary.bad.map((b) => b.file)).toEqual([join(root, 'bee', 'readme.png')])
    // the preview shows the training part of the 10 % validation split
    expect(data.preview?.map((c) => c.name)).toEqual(['ant', 'bee'])
    expect(data.preview!.reduce((n, c) => n + c.count, 0)).toBe(540)
    for (const c of data.preview!) expect(c.samples).toHaveLength(PER_CLASS)
    data.split = 'validation'
    await data.loadPreview()
    expect(data.preview!.reduce((n, c) => n + c.count, 0)).toBe(60)

    expect(data.suggestedName()).toBe('pictures-300')
    await data.save('Insects')
    expect(data.saved.map((d) => d.name)).toEqual(['Insects'])
    expect(data.savedId).toBe(data.saved[0].id)
    await data.showSaved(data.saved[0])
    expect(data.spec).toEqual(outcome.spec)
    await data.remove(data.saved[0].id)
    expect(data.saved).toEqual([])
    expect(data.savedId).toBeNull()
    stop()
  })

  it('cancels a running import and says so', async () => {
    const data = new DataState(localApi())
    const stop = data.connect()
    await data.choosePath(folder(600))
    const done = data.startImport()
    await until(() => data.progress !== null)
    await data.cancel()
    await done
    expect(data.running).toBe(false)
    expect(data.outcome).toMatchObject({ ok: false, cancelled: true })
    expect(data.preview).toBeNull()
    stop()
  })

  it('stops at a bad file when asked to, and imports again leaving it out', async () => {
    const data = new DataState(localApi())
    const stop = data.connect()
    const root = folder(2)
    await data.choosePath(root)
    data.form.skipBad = false
    await data.startImport()
    expect(data.outcome).toMatchObject({ ok: false, cancelled: false, file: join(root, 'bee', 'readme.png') })
    await data.retrySkippingBad()
    expect(data.outcome?.ok).toBe(true)
    stop()
  })

  it('says when a path is not a dataset, and opens a built-in set at once', async () => {
    const data = new DataState(localApi())
    const stop = data.connect()
    const notes = join(temp!.dir, 'notes.txt')
    writeFileSync(notes, 'hello')
    await data.choosePath(notes)
    expect(data.detected).toBeNull()
    expect(data.detectError).toMatch(/no reader recognises/)
    await data.choosePath(join(temp!.dir, 'nowhere'))
    expect(data.detectError).toMatch(/no such file or folder/)

    await data.chooseBuiltin('volumes')
    expect(data.outcome?.ok && data.outcome.summary.inputShape).toEqual([1, 16, 16, 16])
    expect(data.groups).toEqual([])
    const sample = data.preview![0].samples[0]
    expect(sample.kind === 'image' && [sample.height, sample.width, sample.channels]).toEqual([16, 16, 1])
    stop()
  })
})
