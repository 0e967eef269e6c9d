// One row of the runs table in words: when it started, how long it took, its settings in short, and its
// best validation accuracy.

import type { RunSummary } from '../../preload/contract.ts'
import { formatDuration } from './progress-text.ts'

interface HyperLike { epochs?: number; batchSize?: number; optimizer?: { kind?: string; lr?: number }; schedule?: { kind?: string } }

export function hyperSummary(hyper: unknown): string {
  const h = (hyper ?? {}) as HyperLike
  const parts = [
    h.optimizer ? `${h.optimizer.kind ?? '?'} lr ${h.optimizer.lr ?? '?'}` : null,
    h.schedule && h.schedule.kind !== 'constant' ? `${h.schedule.kind} schedule` : null,
    h.epochs !== undefined ? `${h.epochs} epoch${h.epochs === 1 ? '' : 's'}` : null,
    h.batchSize !== undefined ? `batch ${h.batchSize}` : null,
  ]
  return parts.filter(Boolean).join(' · ')
}

/** "2026-11-25 17:42" in local time */
export function formatDate(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** training time so far (or in all, once ended) */
export function runDuration(r: RunSummary, now: number): string {
  if (r.startedAt === null) return '—'
  return formatDuration(((r.endedAt ?? now) - r.startedAt) / 1000)
}

export const formatAccuracy = (a: number | null) => (a === null ? '—' : `${(a * 100).toFixed(1)}%`)
