// The one spawn interface behind which an engine host runs: a child process in browser mode and the CLI,
// a utility process under Electron, each running one job kind of engine/host/host-jobs.ts (training,
// inspection, evaluation, dataset import). The run manager and the other services see only this: send a message, hear messages, learn
// how the process ended (with the last lines it wrote to stderr, the usual clue to a crash).

import type { MainMessageInput } from '../../../engine/host/protocol.ts'
import type { Backend } from '../../store/index.ts'

/** how a host process ended */
export interface HostExit {
  code: number | null
  signal: string | null
  /** the last lines of its stderr */
  stderr: string[]
}

/** a started host; `In` is what its job kind accepts (a training host's protocol by default) */
export interface EngineHost<In = MainMessageInput> {
  readonly pid: number | undefined
  send(msg: In): void
  /** every message as received; the manager validates it */
  onMessage(listener: (raw: unknown) => void): void
  /** called once, when the process has ended for whatever reason */
  onExit(listener: (exit: HostExit) => void): void
  /** ends the process at once */
  kill(): void
}

/** starts one engine host for a run, of the kind its backend needs */
export type SpawnHost<In = MainMessageInput> = (runId: number, backend?: Backend | 'auto') => EngineHost<In>

/** routes each run by backend: under Electron, WebGPU runs go to a window host and CPU runs to a utility process */
export const spawnByBackend = (hosts: { cpu: SpawnHost; webgpu: SpawnHost }): SpawnHost =>
  (runId, backend) => (backend === 'webgpu' ? hosts.webgpu : hosts.cpu)(runId, backend)

/** a readable reason for a host that ended before saying it was done */
export function describeExit(exit: HostExit): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code ?? 'unknown'}`
  const tail = exit.stderr.length ? `; its last output:\n${exit.stderr.join('\n')}` : ''
  return `The engine host ${how} before the run ended${tail}`
}

/** `ended (SIGNAL)` or `ended (code N)`, then `after`, then its last stderr lines: how a one-job host's caller words an early end */
export function endedWith({ code, signal, stderr }: HostExit, after = ''): string {
  return `ended (${signal ?? `code ${code}`})${after}${stderr.length ? `: ${stderr.join('\n')}` : ''}`
}

/** how a host ended, told once to each exit listener however late it subscribes (every spawner's onExit) */
export class HostEnd {
  private exit: HostExit | null = null
  private readonly listeners: ((exit: HostExit) => void)[] = []

  get ended(): boolean { return this.exit !== null }

  /** records the end and tells the listeners waiting for it */
  end(exit: HostExit): void {
    this.exit = exit
    for (const fn of this.listeners.splice(0)) fn(exit)
  }

  onExit(listener: (exit: HostExit) => void): void {
    if (this.exit) listener(this.exit)
    else this.listeners.push(listener)
  }
}

/** keeps the last `max` lines written to a stream */
export class LineTail {
  private readonly lines: string[] = []
  private partial = ''

  constructor(private readonly max = 20) {}

  push(chunk: string | Buffer): void {
    const parts = (this.partial + chunk.toString()).split('\n')
    this.partial = parts.pop() ?? ''
    for (const line of parts) this.add(line)
  }

  get(): string[] {
    return this.partial ? [...this.lines, this.partial].slice(-this.max) : [...this.lines]
  }

  private add(line: string): void {
    if (!line.trim()) return
    this.lines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line)
    if (this.lines.length > this.max) this.lines.shift()
  }
}
