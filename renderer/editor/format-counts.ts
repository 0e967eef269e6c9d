// How counts read in the editor: parameters exactly with thousands separators (61,706), FLOPs and bytes
// rounded with a unit (2.3 M, 1.5 MB), since only their size matters at a glance.

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US')

const units = (n: number, steps: string[], base: number): string => {
  let i = 0
  while (Math.abs(n) >= base && i < steps.length - 1) { n /= base; i++ }
  const digits = i === 0 || Math.abs(n) >= 100 ? 0 : 1
  return `${n.toFixed(digits)}${steps[i] ? ` ${steps[i]}` : ''}`
}

/** 2,300,000 → "2.3 M" */
export const formatCompact = (n: number): string => units(n, ['', 'k', 'M', 'G', 'T'], 1000)

/** 1,572,864 → "1.5 MB" (binary steps, as memory is) */
export const formatBytes = (n: number): string => units(n, ['B', 'KB', 'MB', 'GB', 'TB'], 1024)
