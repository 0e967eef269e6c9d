// Timing for the benchmarks: run a piece of work repeatedly for a while, several times, and keep the median
// rate, since these machines are shared and noisy. Async so that a GPU backend can await its readback.

export interface Figure {
  name: string
  /** null when the figure could not be measured; `unavailable` says why */
  value: number | null
  unit: string
  backend: string
  unavailable?: string
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** units of work per second: `once` does `work` units; one warm-up call, then `reps` rounds of ≥ `seconds` each */
export async function rate(once: () => unknown, work: number, { reps = 5, seconds = 0.5 } = {}): Promise<number> {
  await once()
  const rates: number[] = []
  for (let r = 0; r < reps; r++) {
    const start = performance.now()
    let runs = 0
    do {
      await once()
      runs++
    } while (performance.now() - start < seconds * 1000)
    rates.push((runs * work) / ((performance.now() - start) / 1000))
  }
  return median(rates)
}

export { median }
