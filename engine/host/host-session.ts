// One engine host's life, independent of how it talks to main: wait for the job, run it, relay pause,
// resume and stop, number and stamp every event, and end with exactly one final event (done, stopped or
// failed). Any error, including a malformed message from main, becomes `failed` with a readable reason.

import type { Job } from './job.ts'
import { JobControl } from './job-control.ts'
import { PROTOCOL_VERSION, parseMainMessage, type HostEvent, type HostMessage } from './protocol.ts'

/** how a host reaches main: child_process IPC, an Electron parent port or a page's MessagePort; `Out` is
 *  what the job kind sends (training events by default) */
export interface HostChannel<Out = HostMessage> {
  /** resolves once the message has been handed to the transport */
  send(msg: Out): Promise<void>
  onMessage(listener: (raw: unknown) => void): void
}

/** where a job ended, for the final event */
export interface JobEnd { outcome: 'done' | 'stopped'; step: number; epoch: number }

/** trains one job, emitting its events; throws when the job cannot go on */
export type JobRunner = (job: Job, control: JobControl, emit: (e: HostEvent) => void) => Promise<JobEnd>

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** serves the one job this host exists for; resolves with the process exit code once the final event is sent */
export function serveJob(channel: HostChannel, runner: JobRunner): Promise<number> {
  let seq = 0
  let runId = 0
  let finished = false
  let sending = Promise.resolve()
  const send = (e: HostEvent) => {
    if (finished) return
    const msg = { ...e, v: PROTOCOL_VERSION, seq: ++seq, runId } as HostMessage
    sending = sending.then(() => channel.send(msg))
  }
  const control = new JobControl(send)

  return new Promise<number>(resolve => {
    const finish = (e: Extract<HostEvent, { type: 'done' | 'stopped' | 'failed' }>) => {
      if (finished) return
      send(e)
      finished = true
      void sending.then(() => resolve(e.type === 'failed' ? 1 : 0), () => resolve(1))
    }
    const fail = (err: unknown) => finish({ type: 'failed', error: reason(err), detail: err instanceof Error ? err.stack ?? null : null })
    const start = (job: Job) => {
      runId = job.runId
      runner(job, control, send).then(({ outcome, step, epoch }) => finish({ type: outcome, step, epoch }), fail)
    }
    let started = false
    channel.onMessage(raw => {
      try {
        const msg = parseMainMessage(raw)
        if (msg.type === 'start') {
          if (started) throw new Error('this engine host already runs a job')
          started = true
          start(msg.job)
        } else if (msg.type === 'pause') control.pause()
        else if (msg.type === 'resume') control.resume()
        else if (!started) finish({ type: 'stopped', step: 0, epoch: 0 })
        else control.stop()
      } catch (err) {
        control.stop()
        fail(err)
      }
    })
  })
}
