// The spawn interface's small parts: routing a run to the host kind its backend needs, the reason given
// for a host that ended early, and the stderr tail that goes with it.

import { describe, expect, it } from 'vitest'
import { describeExit, LineTail, spawnByBackend, type EngineHost, type SpawnHost } from '../../../../main/services/runs/engine-host.ts'

describe('spawnByBackend', () => {
  it('sends WebGPU runs to one kind of host and everything else to the other', () => {
    const calls: string[] = []
    const kind = (name: string): SpawnHost => (runId, backend) => {
      calls.push(`${name}:${runId}:${backend}`)
      return {} as EngineHost
    }
    const spawn = spawnByBackend({ cpu: kind('utility'), webgpu: kind('window') })
    spawn(1, 'webgpu')
    spawn(2, 'cpu')
    spawn(3, 'auto')
    spawn(4)
    expect(calls).toEqual(['window:1:webgpu', 'utility:2:cpu', 'utility:3:auto', 'utility:4:undefined'])
  })
})

describe('describeExit', () => {
  it('names the signal or the exit code', () => {
    expect(describeExit({ code: null, signal: 'SIGKILL', stderr: [] })).toBe('The engine host was killed by SIGKILL before the run ended')
    expect(describeExit({ code: 3, signal: null, stderr: ['boom'] })).toBe('The engine host exited with code 3 before the run ended; its last output:\nboom')
  })
})

describe('LineTail', () => {
  it('keeps the last lines across chunk boundaries, skipping blank ones', () => {
    const t = new LineTail(2)
    t.push('one\ntw')
    t.push('o\n\nthree\nfou')
    expect(t.get()).toEqual(['three', 'fou'])
    t.push('r\n')
    expect(t.get()).toEqual(['three', 'four'])
  })

  it('shortens very long lines', () => {
    const t = new LineTail()
    t.push(`${'x'.repeat(2000)}\n`)
    expect(t.get()[0]).toHaveLength(501)
  })
})
