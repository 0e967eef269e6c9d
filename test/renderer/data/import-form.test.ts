// The Data view's import form: which option groups each format shows, the data.import request a form
// makes (only the fields of the format, empty fields left to the reader, augmentation only when on), and
// the request passing main's own check (specOf) into the spec the project stores.
import { describe, expect, it } from 'vitest'
import { specOf } from '../../../main/services/datasets.ts'
import { augments, defaultForm, importRequest, optionGroups, suggestedName } from '../../../renderer/data/import-form.ts'

describe('import form', () => {
  it('shows the options of the detected format, and none for a built-in', () => {
    expect(optionGroups('path', 'image-folder')).toEqual(['image', 'badFiles'])
    expect(optionGroups('path', 'wav-folder')).toEqual(['wav', 'badFiles'])
    expect(optionGroups('path', 'npz')).toEqual(['numpy'])
    expect(optionGroups('path', 'idx')).toEqual([])
    expect(optionGroups('path', null)).toEqual([])
    expect(optionGroups('builtin', 'image-folder')).toEqual([])
  })

  it('asks an image folder for the size, policy and colour set, and what to do with bad files', () => {
    const f = { ...defaultForm(), height: 32, width: 24, resize: 'fill' as const, channels: 3 as const, skipBad: false, sampleRate: 8000 }
    const req = importRequest({ kind: 'path', path: '/data/pets' }, 'image-folder', f)
    expect(req).toEqual({
      source: { kind: 'path', path: '/data/pets' }, format: 'image-folder',
      options: { size: [32, 24], resize: 'fill', channels: 3, onBad: 'fail' },
      split: { validation: 0.1, seed: 0 }, normalization: 'standardize', augmentation: {}, augmentationSeed: 0,
    })
    const spec = specOf(req)
    expect(spec.options).toEqual({ size: [32, 24], resize: 'fill', channels: 3, onBad: 'fail' })
    expect(spec.source).toEqual({ kind: 'path', path: '/data/pets', format: 'image-folder' })
  })

  it('leaves empty fields to the reader: one missing side of the size means the most common size', () => {
    const req = importRequest({ kind: 'path', path: '/p' }, 'image-folder', { ...defaultForm(), height: 32, width: null })
    expect(req.options).toEqual({ resize: 'stretch', onBad: 'skip' })
    const wav = importRequest({ kind: 'path', path: '/w' }, 'wav-folder', { ...defaultForm(), sampleRate: 16000, length: undefined as never })
    expect(wav.options).toEqual({ sampleRate: 16000, onBad: 'skip' })
    const npz = importRequest({ kind: 'path', path: '/a.npz' }, 'npz', { ...defaultForm(), x: ' images ', y: '', layout: 'channels-last' })
    expect(npz.options).toEqual({ x: 'images', layout: 'channels-last' })
  })

  it('sends split, normalisation and augmentation for every source; a built-in gets no reader options', () => {
    const f = { ...defaultForm(), validation: 0.2, seed: 7, normalization: 'none' as const, crop: 4, flip: 0.5, noise: null, translate: 0,
      augmentationSeed: 3, height: 10, width: 10 }
    expect(augments(f)).toBe(true)
    expect(augments(defaultForm())).toBe(false)
    const req = importRequest({ kind: 'builtin', id: 'shapes' }, null, f)
    expect(req).toEqual({
      source: { kind: 'builtin', id: 'shapes' }, options: {}, split: { validation: 0.2, seed: 7 }, normalization: 'none',
      augmentation: { crop: { padding: 4 }, flip: { p: 0.5 }, translate: { max: 0 } }, augmentationSeed: 3,
    })
    const spec = specOf(req)
    expect(spec).toMatchObject({ source: { kind: 'builtin', id: 'shapes' }, normalization: { mode: 'none' }, augmentationSeed: 3 })
    expect(spec.augmentation).toEqual({ crop: { padding: 4 }, flip: { p: 0.5 }, translate: { max: 0 } })
  })

  it('falls back to the default split when its fields are emptied, and main refuses values out of range', () => {
    const req = importRequest({ kind: 'builtin', id: 'digits' }, null, { ...defaultForm(), validation: null, seed: null, augmentationSeed: null })
    expect(req.split).toEqual({ validation: 0.1, seed: 0 })
    expect(req.augmentationSeed).toBe(0)
    expect(() => specOf(importRequest({ kind: 'builtin', id: 'digits' }, null, { ...defaultForm(), validation: 0.95 }))).toThrow(/validation/)
    expect(() => specOf(importRequest({ kind: 'path', path: '/p' }, 'image-folder', { ...defaultForm(), height: 0, width: 5 }))).toThrow(/size/)
  })

  it('suggests the folder or file name, or the built-in name, when saving', () => {
    expect(suggestedName({ kind: 'path', path: '/home/me/data/pets/' })).toBe('pets')
    expect(suggestedName({ kind: 'path', path: 'C:\\data\\arrays.npz' })).toBe('arrays')
    expect(suggestedName({ kind: 'builtin', id: 'shapes' }, 'Shapes')).toBe('Shapes')
    expect(suggestedName({ kind: 'builtin', id: 'shapes' })).toBe('shapes')
  })
})
