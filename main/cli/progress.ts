// A one-line progress report for long imports on a terminal: phase, counts, percent and an ETA,
// rewritten in place at most every 100 ms and cleared at the end.

import type { ImportProgress } from '../../engine/data/index.ts'

export interface ProgressLine {
  update(p: ImportProgress): void
  clear(): void
}

const units = (p: ImportProgress, x: number) => (p.unit === 'bytes' ? `${(x / 2 ** 20).toFixed(1)} MiB` : x.toLocaleString('en'))

export function progressLine(write: (text: string) => void, now: () => number = Date.now): ProgressLine {
  let phase = ''
  let started = 0
  let last = -Infinity
  let shown = false
  return {
    update(p) {
      const t = now()
      if (p.phase !== phase) { phase = p.phase; started = t }
      if (t - last < 100 && p.done < p.total) return
      last = t
      const fraction = p.total ? p.done / p.total : 0
      // an estimate needs a second of history to mean anything
      const eta = fraction > 0 && fraction < 1 && t - started >= 1000 ? `, about ${Math.ceil(((t - started) / fraction - (t - started)) / 1000)} s left` : ''
      write(`\r\x1b[2K${p.phase} ${units(p, p.done)} of ${units(p, p.total)} ${p.unit === 'files' ? 'files ' : ''}(${Math.floor(fraction * 100)}%${eta})`)
      shown = true
    },
    clear() { if (shown) write('\r\x1b[2K'); shown = false },
  }
}
