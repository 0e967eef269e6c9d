// Turns host messages into project-file rows and writes them in batches: one transaction per batch, a
// batch closing after `maxDelayMs` or `maxEvents`, and at once for checkpoints, epoch ends, a pause and the
// final event (the points a resume or a reader relies on). So a kill -9 of main loses at most the open batch.

import type { HostMessage } from '../../../engine/host/protocol.ts'
import type { ProjectStore, StoreEvent } from '../../store/index.ts'

export interface RecorderOptions {
  maxDelayMs?: number
  maxEvents?: number
  /** told after each committed batch (the manager's crash test reads it from the child's output) */
  onCommit?: (events: readonly StoreEvent[]) => void
}

/** the rows one host message becomes; status messages become none (the manager sets the status) */
export function storeEvents(runId: number, m: HostMessage): StoreEvent[] {
  switch (m.type) {
    case 'progress':
      return [{ kind: 'metrics', runId, step: m.step, epoch: m.epoch, scope: 'step', split: 'train',
        values: { loss: m.loss, accuracy: m.accuracy, images_per_second: m.imagesPerSecond, lr: m.lr } }]
    case 'epoch': {
      const at = { kind: 'metrics', runId, step: m.step, epoch: m.epoch, scope: 'epoch' } as const
      const out: StoreEvent[] = [{ ...at, split: 'train', values: { ...m.train, seconds: m.seconds } }]
      if (m.validation) out.push({ ...at, split: 'val', values: { ...m.validation } })
      return out
    }
    case 'snapshot':
      return m.tensors.map(t => ({ kind: 'snapshot', runId, step: m.step, epoch: m.epoch, node: t.node, param: t.param, tensor: t.tensor }))
    case 'checkpoint':
      return [{ kind: 'checkpoint', runId, step: m.step, epoch: m.epoch, state: m.state, weights: m.weights, optimizer: m.optimizer }]
    default:
      return []
  }
}

const URGENT: readonly HostMessage['type'][] = ['checkpoint', 'epoch', 'paused', 'done', 'stopped', 'failed']

export class RunRecorder {
  private pending: StoreEvent[] = []
  private timer: NodeJS.Timeout | null = null
  private readonly maxDelayMs: number
  private readonly maxEvents: number

  constructor(private readonly store: ProjectStore, private readonly options: RecorderOptions = {}) {
    this.maxDelayMs = options.maxDelayMs ?? 1000
    this.maxEvents = options.maxEvents ?? 500
  }

  record(runId: number, m: HostMessage): void {
    this.pending.push(...storeEvents(runId, m))
    if (URGENT.includes(m.type) || this.pending.length >= this.maxEvents) this.flush()
    else if (this.pending.length && !this.timer) this.timer = setTimeout(() => this.flush(), this.maxDelayMs)
  }

  /** writes what is pending as one transaction */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.pending.length) return
    const batch = this.pending
    this.pending = []
    this.store.recordEvents(batch)
    this.options.onCommit?.(batch)
  }
}
