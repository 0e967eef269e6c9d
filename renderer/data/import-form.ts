// The Data view's import options as a form: which fields a format has (image size and resize policy,
// grey/RGB; WAV sample rate and clip length; NumPy array names and layout), the split, normalisation and
// augmentation every dataset has, and the data.import request they make. Main checks the values in depth.

import type { DataFormatId, DataImport, DataSource } from '../../preload/contract.ts'

export type ResizePolicy = 'fit' | 'fill' | 'stretch' | 'none'

export interface ImportForm {
  /** image folder: target size; null keeps the most common size */
  height: number | null
  width: number | null
  resize: ResizePolicy
  channels: 'auto' | 1 | 3
  /** WAV folder: null keeps the most common rate / length */
  sampleRate: number | null
  length: number | null
  /** NumPy: sample and label arrays ('' = the reader's default) and the channel axis */
  x: string
  y: string
  layout: 'auto' | 'channels-first' | 'channels-last' | 'no-channel'
  /** folders: leave bad files out and list them, or import nothing when one is bad */
  skipBad: boolean
  /** empty fields fall back to the defaults: 0.1, seed 0 */
  validation: number | null
  seed: number | null
  normalization: 'standardize' | 'none'
  /** augmentation, each off when null: crop padding, translation in pixels, flip probability, noise std */
  crop: number | null
  translate: number | null
  flip: number | null
  noise: number | null
  augmentationSeed: number | null
}

export const defaultForm = (): ImportForm => ({
  height: null, width: null, resize: 'stretch', channels: 'auto', sampleRate: null, length: null,
  x: '', y: '', layout: 'auto', skipBad: true, validation: 0.1, seed: 0, normalization: 'standardize',
  crop: null, translate: null, flip: null, noise: null, augmentationSeed: 0,
})

// an emptied number field reads as null or undefined: both mean "not set"

/** option groups shown for a format (none for built-ins, whose reader takes no options) */
export type OptionGroup = 'image' | 'wav' | 'numpy' | 'badFiles'

export function optionGroups(source: DataSource['kind'], format: DataFormatId | null): OptionGroup[] {
  if (source === 'builtin') return []
  switch (format) {
    case 'image-folder': return ['image', 'badFiles']
    case 'wav-folder': return ['wav', 'badFiles']
    case 'npy': case 'npz': return ['numpy']
    default: return []
  }
}

/** whether any augmentation is switched on */
export const augments = (f: ImportForm): boolean => [f.crop, f.translate, f.flip, f.noise].some((v) => v != null)

export function importRequest(source: DataSource, format: DataFormatId | null, f: ImportForm): DataImport {
  const groups = optionGroups(source.kind, format)
  const options: Record<string, unknown> = {}
  if (groups.includes('image')) {
    if (f.height != null && f.width != null) options.size = [f.height, f.width]
    options.resize = f.resize
    if (f.channels !== 'auto') options.channels = f.channels
  }
  if (groups.includes('wav')) {
    if (f.sampleRate != null) options.sampleRate = f.sampleRate
    if (f.length != null) options.length = f.length
  }
  if (groups.includes('numpy')) {
    if (f.x.trim()) options.x = f.x.trim()
    if (f.y.trim()) options.y = f.y.trim()
    if (f.layout !== 'auto') options.layout = f.layout
  }
  if (groups.includes('badFiles')) options.onBad = f.skipBad ? 'skip' : 'fail'
  const augmentation: Record<string, unknown> = {}
  if (f.crop != null) augmentation.crop = { padding: f.crop }
  if (f.translate != null) augmentation.translate = { max: f.translate }
  if (f.flip != null) augmentation.flip = { p: f.flip }
  if (f.noise != null) augmentation.noise = { std: f.noise }
  return {
    source, ...(source.kind === 'path' && format ? { format } : {}), options,
    split: { validation: f.validation ?? 0.1, seed: f.seed ?? 0 }, normalization: f.normalization,
    augmentation, augmentationSeed: f.augmentationSeed ?? 0,
  }
}

/** the dataset name a source suggests when saving: the folder or file name, or the built-in's name */
export function suggestedName(source: DataSource, builtinName?: string): string {
  if (source.kind === 'builtin') return builtinName ?? source.id
  const parts = source.path.split(/[\\/]+/).filter(Boolean)
  return (parts.at(-1) ?? source.path).replace(/\.(npz|npy|gz|idx\d?-ubyte)$/i, '')
}
