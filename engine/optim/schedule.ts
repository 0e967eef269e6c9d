// Learning-rate schedules as plain JSON (a run stores its schedule with its hyper-parameters) and the one
// function that turns a schedule into the rate at a step. Steps count optimizer updates from 0; a linear
// warm-up may precede any schedule.

export type ScheduleSpec = (
  | { kind: 'constant' }
  /** multiply the rate by gamma every `every` steps */
  | { kind: 'step'; every: number; gamma: number }
  /** half a cosine from the base rate down to base·minFactor over `steps` steps, then stay there */
  | { kind: 'cosine'; steps: number; minFactor?: number }
) & {
  /** steps of linear warm-up from base/warmup to base before the schedule starts counting */
  warmup?: number
}

/** the learning rate at `step` for a base rate */
export function learningRate(spec: ScheduleSpec, base: number, step: number): number {
  const warmup = spec.warmup ?? 0
  if (step < warmup) return (base * (step + 1)) / warmup
  const t = step - warmup
  switch (spec.kind) {
    case 'constant':
      return base
    case 'step':
      return base * spec.gamma ** Math.floor(t / spec.every)
    case 'cosine': {
      const min = base * (spec.minFactor ?? 0)
      const progress = Math.min(t / spec.steps, 1)
      return min + ((base - min) * (1 + Math.cos(Math.PI * progress))) / 2
    }
  }
}

/** what is wrong with a schedule read from outside, or null */
export function checkSchedule(spec: ScheduleSpec): string | null {
  const whole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min
  if (spec.warmup !== undefined && !whole(spec.warmup, 0)) return 'warm-up must be a whole number of steps'
  switch (spec.kind) {
    case 'constant':
      return null
    case 'step':
      if (!whole(spec.every, 1)) return 'step schedule: every must be a whole number of steps ≥ 1'
      return spec.gamma > 0 && spec.gamma <= 1 ? null : 'step schedule: gamma must be in (0, 1]'
    case 'cosine':
      if (!whole(spec.steps, 1)) return 'cosine schedule: steps must be a whole number ≥ 1'
      return (spec.minFactor ?? 0) >= 0 && (spec.minFactor ?? 0) <= 1 ? null : 'cosine schedule: minFactor must be in [0, 1]'
    default:
      return `unknown schedule ${JSON.stringify((spec as { kind: unknown }).kind)}`
  }
}
