// The dataset-reader plugin contract (Netron's match/open) and the types every reader shares:
// import options, progress and cancellation, and what an import returns (splits + skipped files).
// One file per format lives in formats/; formats/index.ts lists them in the order they are tried.

import type { Dataset } from './dataset.ts'
import type { BadFile } from './errors.ts'

export const FORMAT_IDS = ['idx', 'cifar', 'image-folder', 'wav-folder', 'npy', 'npz'] as const
export type FormatId = typeof FORMAT_IDS[number]

/** how an image is brought to the chosen size: keep aspect and pad (fit), keep aspect and crop (fill), or stretch */
export const RESIZE_POLICIES = ['fit', 'fill', 'stretch', 'none'] as const
export type ResizePolicy = typeof RESIZE_POLICIES[number]

/** reader options; each reader reads the fields it understands. JSON-serialisable (stored in the dataset spec) */
export interface ImportOptions {
  /** image folder: target [height, width]; default the most common image size */
  size?: [number, number]
  /** image folder: resize policy; default 'stretch'; 'none' makes a differently sized image a bad file */
  resize?: ResizePolicy
  /** image folder: 1 (grey) or 3 (RGB); default 1 when every image is grey, else 3 */
  channels?: 1 | 3
  /** image folder: largest image accepted, in pixels (decompression-bomb guard); default 50 million */
  maxPixels?: number
  /** wav folder: target sample rate in Hz; default the most common rate */
  sampleRate?: number
  /** wav folder: samples per clip after resampling (crop the end or pad with zeros); default the most common length */
  length?: number
  /** .npz: name of the sample array; .npy: ignored */
  x?: string
  /** .npz: name of the label array; .npy: path of the label .npy file (default: a sibling such as y.npy or labels.npy) */
  y?: string
  /** NumPy: where the channel axis is; default guessed from the shape (see formats/npy-layout.ts) */
  layout?: 'channels-first' | 'channels-last' | 'no-channel'
  /** CIFAR-100: which label to use; default 'fine' */
  labelKind?: 'fine' | 'coarse'
  /** IDX: images stored transposed (EMNIST); default true when the file name contains "emnist" */
  transpose?: boolean
  /** class names; labels must index into them. default: from the data (folder names, metadata) or "0".."n-1" */
  classes?: string[]
  /** folders: skip bad files and report them (default), or fail the whole import on the first one */
  onBad?: 'skip' | 'fail'
  /** raw IDX/.npy larger than this (bytes) are read from disk per sample instead of loaded; default 1 GiB */
  inMemoryLimit?: number
}

/** progress of a long import, for a progress bar and an ETA */
export interface ImportProgress {
  readonly phase: 'scan' | 'read' | 'decode'
  readonly done: number
  readonly total: number
  readonly unit: 'files' | 'bytes'
}

export interface ImportContext {
  onProgress?: (p: ImportProgress) => void
  signal?: AbortSignal
  /** folder for the decoded-data cache; no caching when absent */
  cacheDir?: string
}

/** what a reader returns; nothing is returned when an import fails, so nothing is half-imported */
export interface Imported {
  readonly format: FormatId | 'builtin'
  readonly train: Dataset
  readonly test?: Dataset
  /** files skipped, with the reason */
  readonly bad: BadFile[]
  /** files and folders read: the cache is valid while none of them changes */
  readonly sources: string[]
  /** decisions worth telling the user (e.g. "resized 12 images with policy fit") */
  readonly notes: string[]
}

/** what a reader may look at to recognise its format, gathered once per path */
export interface Probe {
  readonly path: string
  readonly kind: 'file' | 'dir'
  readonly size: number
  /** first bytes of a file (up to 4 KiB); empty for a folder */
  readonly head: Uint8Array
  /** names in a folder; empty for a file */
  readonly entries: readonly string[]
  /** first bytes of up to n regular files found in a folder's subfolders (two levels deep) */
  sampleHeads(n: number): Promise<Uint8Array[]>
}

export interface DataFormat {
  readonly id: FormatId
  readonly name: string
  /** a cheap look at content (magic bytes, folder layout), never a full read */
  match(probe: Probe): boolean | Promise<boolean>
  open(path: string, options: ImportOptions, ctx: ImportContext): Promise<Imported>
  /** whether decoding is slow enough that the decoded data is worth caching */
  readonly cache: boolean
}
