// The shapes that go in and out of a project file. Plain data only (JSON values, numbers, Float32Array),
// so main's services can hand them to the renderer over either transport without conversion.
// JSON columns (spec, hyper, dataset, layout, state) are opaque here: their owners validate them.

export type RunStatus = 'queued' | 'running' | 'paused' | 'done' | 'failed' | 'interrupted' | 'stopped'
export type Backend = 'cpu' | 'webgpu'
/** which part of the data a metric was measured on */
export type Split = 'train' | 'val' | 'test'
/** 'step' metrics are logged during an epoch, 'epoch' metrics summarise a finished epoch */
export type Scope = 'step' | 'epoch'

/** a float32 tensor as stored: raw little-endian bytes in the file, a fresh Float32Array in memory */
export interface StoredTensor { shape: number[]; data: Float32Array }

export interface ProjectMeta {
  name: string
  createdAt: number
  /** version of Receptive that created the file */
  appVersion: string
  schemaVersion: number
}

export interface GraphRecord { spec: unknown; layout: unknown; updatedAt: number }

export interface DatasetRecord { id: number; name: string; spec: unknown; createdAt: number }

export interface NewRun {
  name: string
  spec: unknown
  hyper: unknown
  dataset: unknown
  backend: Backend
  adapter?: string | null
  seed: number
}

export interface RunRecord extends Required<NewRun> {
  id: number
  status: RunStatus
  createdAt: number
  startedAt: number | null
  endedAt: number | null
  error: string | null
}

export interface RunSummary extends RunRecord {
  /** last value of every epoch metric, keyed "<split>.<name>", e.g. "val.accuracy" */
  final: Record<string, number>
  /** highest epoch-level val.accuracy, null before the first validation */
  bestValAccuracy: number | null
}

/** one curve: parallel arrays ordered by step; NaN where the value was not a number */
export interface MetricSeries { scope: Scope; split: Split; name: string; step: number[]; epoch: number[]; value: number[] }

export interface SnapshotInfo { id: number; runId: number; step: number; epoch: number; node: string; param: string; shape: number[] }
export interface Snapshot extends SnapshotInfo { data: Float32Array }

export interface Checkpoint {
  id: number
  runId: number
  step: number
  epoch: number
  /** what the trainer needs besides tensors to continue (rng, schedule position, …) */
  state: unknown
  /** parameters by "<nodeId>.<name>" */
  weights: Record<string, StoredTensor>
  /** optimizer buffers (momentum, adam moments) by key */
  optimizer: Record<string, StoredTensor>
  createdAt: number
}

export interface Artifact { json: unknown; data: Uint8Array | null; createdAt: number }

/** what a run's engine host produces and main records; a batch of these is one transaction */
export type StoreEvent =
  | { kind: 'metrics'; runId: number; step: number; epoch: number; scope: Scope; split: Split; values: Record<string, number> }
  | { kind: 'snapshot'; runId: number; step: number; epoch: number; node: string; param: string; tensor: StoredTensor }
  | { kind: 'checkpoint'; runId: number; step: number; epoch: number; state: unknown
      weights: Record<string, StoredTensor>; optimizer: Record<string, StoredTensor> }
