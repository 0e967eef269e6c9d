// What the UI shows about a run while it trains: status, position, the last batch's figures and the last
// epoch's. One pure function folds each host message into the state, so the live view and a test can
// compute it the same way; the run manager republishes it (throttled) with RxJS.

import type { HostMessage } from '../../../engine/host/protocol.ts'
import type { RunRecord, RunStatus } from '../../store/index.ts'

export interface SplitFigures { loss: number; accuracy: number }

export interface RunState {
  runId: number
  status: RunStatus
  step: number
  epoch: number
  /** 0 until the host has said how long the run is */
  totalSteps: number
  stepsPerEpoch: number
  /** the last batch's figures, null before the first step */
  loss: number | null
  accuracy: number | null
  imagesPerSecond: number | null
  lr: number | null
  /** the last finished epoch */
  lastEpoch: { epoch: number; train: SplitFigures; validation: SplitFigures | null } | null
  backend: string | null
  /** why the run failed or was interrupted */
  error: string | null
}

/** the state of a run known only from its record (not trained in this session) */
export function stateFromRecord(run: RunRecord): RunState {
  return {
    runId: run.id, status: run.status, step: 0, epoch: 0, totalSteps: 0, stepsPerEpoch: 0, loss: null, accuracy: null,
    imagesPerSecond: null, lr: null, lastEpoch: null, backend: run.adapter ?? run.backend, error: run.error,
  }
}

/** the state after one message from the run's host */
export function nextState(s: RunState, m: HostMessage): RunState {
  switch (m.type) {
    case 'started':
      return { ...s, status: 'running', step: m.step, epoch: m.epoch, totalSteps: m.totalSteps, stepsPerEpoch: m.stepsPerEpoch,
        backend: m.adapter ?? m.backend, error: null }
    case 'progress':
      return { ...s, step: m.step, epoch: m.epoch, loss: m.loss, accuracy: m.accuracy, imagesPerSecond: m.imagesPerSecond, lr: m.lr }
    case 'epoch':
      return { ...s, step: m.step, epoch: m.epoch, lastEpoch: { epoch: m.epoch, train: m.train, validation: m.validation } }
    case 'paused':
      return { ...s, status: 'paused' }
    case 'resumed':
      return { ...s, status: 'running' }
    case 'done':
    case 'stopped':
      return { ...s, status: m.type, step: m.step, epoch: m.epoch }
    case 'failed':
      return { ...s, status: 'failed', error: m.error }
    case 'snapshot':
    case 'checkpoint':
      return s
  }
}
