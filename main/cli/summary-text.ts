// A dataset summary as the text `receptive data` prints: format, sample counts per split, input
// shape, classes with their counts, mean/std per channel, notes, and every bad file with its reason.

import type { DatasetSummary } from '../../engine/data/index.ts'

const n = (x: number) => x.toLocaleString('en')
const fixed = (x: number) => x.toFixed(4)

/** the lines to print for a summary; `title` says what was read (a path or a built-in name) */
export function summaryText(title: string, formatName: string, s: DatasetSummary): string {
  const lines = [title, `  format   ${formatName}`]
  lines.push(`  samples  ${s.splits.map((p) => `${p.name} ${n(p.count)}`).join(', ')}`)
  lines.push(`  input    [${s.inputShape.join(', ')}] (channels first)`)
  lines.push(`  classes  ${s.classes.length}`)
  const width = Math.min(24, Math.max(...s.classes.map((c) => c.length)))
  s.classes.forEach((c, k) => {
    const counts = s.splits.map((p) => `${p.name} ${n(p.perClass[k])}`.padEnd(p.name.length + 8)).join(' ').trimEnd()
    lines.push(`    ${k.toString().padStart(String(s.classes.length - 1).length)} ${c.padEnd(width)}  ${counts}`)
  })
  const channels = s.mean.map((m, c) => `${fixed(m)} ± ${fixed(s.std[c])}`)
  lines.push(`  mean±std ${channels.join(', ')} (per channel, train split)`)
  for (const note of s.notes) lines.push(`  note     ${note}`)
  if (s.bad.length) {
    lines.push(`  skipped  ${s.bad.length} bad ${s.bad.length === 1 ? 'file' : 'files'}:`)
    for (const b of s.bad) lines.push(`    ${b.file}: ${b.reason}`)
  }
  return lines.join('\n')
}
