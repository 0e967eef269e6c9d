// Processes that go away are logged with reason and service name; a crashed window is reloaded at
// most three times a minute, then main gives up and says so.
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { logChildGone, recoverRenderer, reloadBudget } from '../../../main/electron/crash-events.ts'
import { createLog } from '../../../main/log.ts'
import { tempDir } from '../store/files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

describe('reloadBudget', () => {
  it('allows three reloads in any 60 s window', () => {
    let t = 0
    const allow = reloadBudget(3, 60_000, () => t)
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false])
    t = 59_999
    expect(allow()).toBe(false)
    t = 60_000 // the first three have left the window
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false])
  })
})

describe('logChildGone', () => {
  it('names the service and the reason; a clean exit is only info', () => {
    const log = createLog(dir)
    logChildGone(log, { type: 'Utility', reason: 'oom', exitCode: 9, serviceName: 'Receptive engine (run 3)', name: 'Receptive engine (run 3)' })
    logChildGone(log, { type: 'GPU', reason: 'clean-exit', exitCode: 0 })
    const [a, b] = readFileSync(log.path, 'utf8').trimEnd().split('\n')
    expect(a).toMatch(/ERROR \[child\] Utility \/ Receptive engine \(run 3\) \/ Receptive engine \(run 3\) gone: oom \(exit code 9\)$/)
    expect(b).toMatch(/INFO \[child\] GPU gone: clean-exit \(exit code 0\)$/)
  })
})

describe('recoverRenderer', () => {
  it('reloads a crashed window within the budget, then gives up; a clean exit is left alone', () => {
    const log = createLog(dir)
    const contents = Object.assign(new EventEmitter(), { reload: vi.fn() })
    const giveUp = vi.fn()
    recoverRenderer(contents, log, giveUp, reloadBudget(2, 60_000, () => 0)) // all crashes within one window
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(contents.reload).not.toHaveBeenCalled()
    for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    expect(contents.reload).toHaveBeenCalledTimes(2)
    expect(giveUp).toHaveBeenCalledExactlyOnceWith('crashed')
    const text = readFileSync(log.path, 'utf8')
    expect(text.match(/renderer gone: crashed \(exit code 11\)/g)).toHaveLength(3)
    expect(text).toContain('not reloading again')
  })
})
