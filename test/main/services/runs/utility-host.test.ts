// The utility-process spawner without Electron: fake-utility.ts stands in for Electron's UtilityProcess
// (same members, same event order: spawn, message, exit). Messages wait for 'spawn', stderr lines explain
// an exit, and a late exit listener still hears how the process ended.

import { describe, expect, it } from 'vitest'
import { describeExit } from '../../../../main/services/runs/engine-host.ts'
import { utilitySpawner } from '../../../../main/services/runs/utility-host.ts'
import { fakeFork } from './fake-utility.ts'

function spawnOne() {
  const { fork, calls, child } = fakeFork()
  const host = utilitySpawner(fork, '/app/out/engine/node-entry.js')(9)
  return { host, child: child(), calls }
}

describe('utilitySpawner', () => {
  it('forks the entry with a named service and piped stdio', () => {
    const { calls, host } = spawnOne()
    expect(calls).toEqual([['/app/out/engine/node-entry.js', ['--job=train', '--run=9'], { serviceName: 'Receptive engine (run 9)', stdio: 'pipe' }]])
    expect(host.pid).toBe(4242)
  })

  it('holds messages until the process has spawned', () => {
    const { host, child } = spawnOne()
    host.send({ v: 1, type: 'pause' })
    expect(child.posted).toEqual([])
    child.emit('spawn')
    host.send({ v: 1, type: 'resume' })
    expect(child.posted).toEqual([{ v: 1, type: 'pause' }, { v: 1, type: 'resume' }])
  })

  it('relays messages and reports the exit with the last stderr lines', async () => {
    const { host, child } = spawnOne()
    const got: unknown[] = []
    host.onMessage(m => got.push(m))
    child.emit('spawn')
    child.emit('message', { v: 1, type: 'paused' })
    child.stderr.write('RangeError: Array buffer allocation failed\n    at train\n')
    await new Promise(r => setImmediate(r))
    child.emit('exit', 134)
    expect(got).toEqual([{ v: 1, type: 'paused' }])
    const exits: string[] = []
    host.onExit(e => exits.push(describeExit(e)))
    expect(exits).toEqual(['The engine host exited with code 134 before the run ended; its last output:\nRangeError: Array buffer allocation failed\n    at train'])
    host.send({ v: 1, type: 'stop' }) // after exit: dropped, not thrown
    expect(child.posted).toEqual([])
  })

  it('kills the process', () => {
    const { host, child } = spawnOne()
    host.kill()
    expect(child.killed).toBe(true)
  })
})
