// The words of the recovery dialog: which unsaved project a Receptive that closed unexpectedly left, by
// when it was last changed and what it holds, so the user can tell one leftover from another.
import type { RecoverableProject } from '../../../preload/contract.ts'

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
const two = (n: number) => String(n).padStart(2, '0')

/** "19:02" today, "3 Nov 19:02" another day (local time) */
export function whenChanged(at: number, now = Date.now()): string {
  const d = new Date(at)
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`
  if (d.toDateString() === new Date(now).toDateString()) return time
  return `${d.getDate()} ${d.toLocaleString('en', { month: 'short' })} ${time}`
}

/** "12 layers, 1 run": what it holds, runs and datasets only when there are some */
export function holds({ summary }: RecoverableProject): string {
  const parts = [plural(summary.layers, 'layer')]
  if (summary.runs > 0) parts.push(plural(summary.runs, 'run'))
  if (summary.datasets > 0) parts.push(plural(summary.datasets, 'dataset'))
  return parts.join(', ')
}

/** the question the dialog asks about one leftover */
export function recoveryQuestion(r: RecoverableProject, now = Date.now()): string {
  return `Recover the unsaved project from ${whenChanged(r.modifiedAt, now)} (${holds(r)})?`
}
