// The dataset process under Electron without Electron: runs/fake-utility.ts stands in for the UtilityProcess
// (spawn, message, exit, as in test/main/services/runs/utility-host.test.ts). Messages wait for 'spawn',
// the job settles with its answer, a process that exits without one settles it with its stderr, and a
// cancel that is not heeded ends in a kill.
import { describe, expect, it, vi } from 'vitest'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import { startDataJob, utilityDataProcess } from '../../../main/services/dataset-process.ts'
import { fakeFork } from './runs/fake-utility.ts'

const spec = parseDatasetSpec({ format: 'receptive.dataset/1', source: { kind: 'path', path: '/data/pets' } })
const job = { kind: 'import' as const, spec, cacheDir: '/cache', preview: 0 }

function start() {
  const { fork, calls, child } = fakeFork()
  const progress: unknown[] = []
  const running = startDataJob(utilityDataProcess(fork, '/app/out/main/engine-host.js'), job, (e) => progress.push(e.progress))
  return { running, child: child(), calls, progress }
}

describe('utilityDataProcess', () => {
  it('forks the built entry, holds the job until spawn, relays progress and settles with the answer', async () => {
    const { running, child, calls, progress } = start()
    expect(calls).toEqual([['/app/out/main/engine-host.js', ['--job=dataset', '--run=0'], { serviceName: 'Receptive engine (dataset)', stdio: 'pipe' }]])
    expect(child.posted).toEqual([])
    child.emit('spawn')
    expect(child.posted).toEqual([job])
    child.emit('message', { type: 'progress', progress: { phase: 'scan', done: 1, total: 2, unit: 'files' } })
    const failed = { type: 'failed', file: '/data/pets/a.png', reason: 'truncated', bad: [], cancelled: false }
    child.emit('message', failed)
    child.emit('exit', 0)
    expect(await running.done).toEqual(failed)
    expect(progress).toEqual([{ phase: 'scan', done: 1, total: 2, unit: 'files' }])
  })

  it('settles a job whose process exits without answering, with its last stderr', async () => {
    const { running, child } = start()
    child.emit('spawn')
    child.stderr.write('out of memory\n')
    await new Promise((r) => setImmediate(r))
    child.emit('exit', 134)
    expect(await running.done).toEqual({ type: 'failed', file: '/data/pets', reason: 'the dataset process ended (code 134): out of memory', bad: [], cancelled: false })
  })

  it('asks the process to cancel, kills it when it does not stop within a second, and reports a cancel', async () => {
    vi.useFakeTimers()
    try {
      const { running, child } = start()
      child.emit('spawn')
      running.cancel()
      expect(child.posted).toEqual([job, { kind: 'cancel' }])
      expect(child.killed).toBe(false)
      vi.advanceTimersByTime(1000)
      expect(child.killed).toBe(true)
      child.emit('exit', 1)
      expect(await running.done).toEqual({ type: 'failed', file: '/data/pets', reason: 'import cancelled', bad: [], cancelled: true })
    } finally {
      vi.useRealTimers()
    }
  })
})
