// How an import's progress reads: "decode 1,200 of 8,000 files (15 %, about 40 s left)". A clock per
// import remembers when each phase began, since the time left of a phase is estimated from that phase alone.

import type { DataProgress } from '../../preload/contract.ts'
import { formatDuration } from '../train/progress-text.ts'

const PHASES: Record<DataProgress['phase'], string> = { scan: 'Scanning', read: 'Reading', decode: 'Decoding' }

const amount = (p: DataProgress, x: number) =>
  (p.unit === 'bytes' ? `${(x / 2 ** 20).toFixed(1)} MiB` : x.toLocaleString('en'))

export const progressFraction = (p: DataProgress): number => (p.total > 0 ? Math.min(1, p.done / p.total) : 0)

/** the text beside the bar; `elapsedMs` is the time since this phase began */
export function progressText(p: DataProgress, elapsedMs: number): string {
  const f = progressFraction(p)
  // an estimate needs a second of history to mean anything
  const eta = f > 0 && f < 1 && elapsedMs >= 1000 ? `, about ${formatDuration((elapsedMs / f - elapsedMs) / 1000)} left` : ''
  return `${PHASES[p.phase]} ${amount(p, p.done)} of ${amount(p, p.total)}${p.unit === 'files' ? ' files' : ''} (${Math.floor(f * 100)} %${eta})`
}

/** remembers when the current phase of an import began */
export class PhaseClock {
  private phase: DataProgress['phase'] | null = null
  private started = 0

  /** milliseconds since `p`'s phase began (0 for the first report of a phase) */
  elapsed(p: DataProgress, now: number): number {
    if (p.phase !== this.phase) {
      this.phase = p.phase
      this.started = now
    }
    return now - this.started
  }
}
