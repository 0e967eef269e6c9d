// How the progress bar reads: "epoch 2 of 5 · step 480 of 1,130 · 2,310 images/s · 12 s left", from a
// run's live state and its batch size. The time left assumes the recent images per second holds.

import type { RunState } from '../../preload/contract.ts'

/** a duration in words for people: 45 s, 3 min 05 s, 1 h 02 min */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

/** done fraction, 0…1 */
export const fraction = (s: RunState) => (s.totalSteps > 0 ? Math.min(1, s.step / s.totalSteps) : 0)

/** seconds left at the current speed; null when it cannot be known yet */
export function secondsLeft(s: RunState, batchSize: number): number | null {
  if (!s.imagesPerSecond || s.imagesPerSecond <= 0 || s.totalSteps === 0) return null
  return ((s.totalSteps - s.step) * batchSize) / s.imagesPerSecond
}

/** the epoch now running (1-based), not past the last */
export function currentEpoch(s: RunState, epochs: number): number {
  if (s.stepsPerEpoch === 0) return Math.min(epochs, s.epoch + 1)
  return Math.min(epochs, Math.floor(s.step / s.stepsPerEpoch) + 1)
}

export interface ProgressParts { epoch: string; step: string; speed: string; eta: string; lr: string }

export function progressParts(s: RunState, epochs: number, batchSize: number): ProgressParts {
  const n = (v: number) => v.toLocaleString('en-US')
  const left = secondsLeft(s, batchSize)
  const active = s.status === 'running' || s.status === 'paused'
  return {
    epoch: `epoch ${currentEpoch(s, epochs)} of ${epochs}`,
    step: `step ${n(s.step)} of ${s.totalSteps ? n(s.totalSteps) : '…'}`,
    speed: s.imagesPerSecond && active ? `${n(Math.round(s.imagesPerSecond))} images/s` : '',
    eta: active && left !== null ? `${formatDuration(left)} left` : '',
    lr: s.lr !== null ? `lr ${Number(s.lr.toPrecision(3))}` : '',
  }
}
