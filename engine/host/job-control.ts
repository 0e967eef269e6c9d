// Pause, resume and stop for a job that runs on the host's only thread. The training loop calls `between`
// after every step: it yields to the event loop (so main's messages are heard even while the loop is busy),
// holds while paused, and tells the loop to end once a stop was asked for.

/** one turn of the event loop: setImmediate in Node; in a page (the window host) a message to itself,
 *  since nested timeouts are clamped to 4 ms there */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise(done => setImmediate(done))
  const { port1, port2 } = new MessageChannel()
  return new Promise(done => {
    port1.onmessage = () => (port1.close(), done())
    port2.postMessage(null)
  })
}

export type ControlEvent = { type: 'paused'; step: number } | { type: 'resumed'; step: number }

export class JobControl {
  private wantPause = false
  private wantStop = false
  private wake: (() => void) | null = null
  /** aborted on stop, for code that waits on a signal (dataset loading) */
  readonly signal: AbortSignal
  private readonly abort = new AbortController()

  constructor(private readonly notify: (e: ControlEvent) => void) {
    this.signal = this.abort.signal
  }

  get stopRequested(): boolean { return this.wantStop }

  pause(): void { this.wantPause = true }

  resume(): void {
    this.wantPause = false
    this.release()
  }

  stop(): void {
    this.wantStop = true
    this.abort.abort(new Error('stopped'))
    this.release()
  }

  /** between two steps: false when the loop should end (stop) */
  async between(step: number): Promise<boolean> {
    await nextTurn()
    if (this.wantPause && !this.wantStop) {
      this.notify({ type: 'paused', step })
      while (this.wantPause && !this.wantStop) await new Promise<void>(done => (this.wake = done))
      if (!this.wantStop) this.notify({ type: 'resumed', step })
    }
    return !this.wantStop
  }

  private release(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
