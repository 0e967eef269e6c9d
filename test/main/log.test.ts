// main's log file: lines land in <settings>/logs/main.log, one per event, rotated at the cap; uncaught
// exceptions and unhandled rejections are written there (the exception also reaches `fatal`).
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLog, describeError, logProcessErrors, type ProcessEvents } from '../../main/log.ts'
import { tempDir } from './store/files.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n')

describe('createLog', () => {
  it('appends one timestamped line per event in the settings folder, making the folder', () => {
    const log = createLog(join(dir, 'settings'))
    expect(log.path).toBe(join(dir, 'settings', 'logs', 'main.log'))
    log.write('info', 'main', 'started')
    log.write('error', 'child', 'trainer gone:\ncrashed')
    const [a, b] = lines(log.path)
    expect(a).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO \[main\] started$/)
    expect(b).toMatch(/ERROR \[child\] trainer gone: \| crashed$/)
  })

  it('keeps one old file when the log passes its cap', () => {
    const log = createLog(dir, 200)
    for (let i = 0; i < 10; i++) log.write('info', 'main', `event ${i} ${'x'.repeat(40)}`)
    const current = lines(log.path)
    const old = lines(`${log.path}.1`)
    expect(readFileSync(log.path).length).toBeLessThanOrEqual(200)
    expect(current.at(-1)).toContain('event 9')
    expect(old.length).toBeGreaterThan(0)
    expect([...old, ...current].join('\n')).toContain('event 8')
  })

  it('never throws when the folder cannot be made', () => {
    const blocker = join(dir, 'file')
    writeFileSync(blocker, '')
    const log = createLog(blocker) // logs/ would have to be made inside a plain file
    expect(() => log.write('error', 'main', 'lost')).not.toThrow()
    expect(existsSync(log.path)).toBe(false)
  })
})

describe('logProcessErrors', () => {
  it('logs rejections and goes on; logs uncaught exceptions with their stack and calls fatal', () => {
    const log = createLog(dir)
    const proc = new EventEmitter()
    const fatal = vi.fn()
    logProcessErrors(log, proc as unknown as ProcessEvents, fatal)
    proc.emit('unhandledRejection', { code: 42 })
    expect(fatal).not.toHaveBeenCalled()
    const err = new Error('boom')
    proc.emit('uncaughtException', err)
    expect(fatal).toHaveBeenCalledExactlyOnceWith(err)
    const [rejection, exception] = lines(log.path)
    expect(rejection).toContain('unhandled rejection: {"code":42}')
    expect(exception).toContain('uncaught exception: Error: boom | ')
    expect(exception).toContain('log.test.ts')
  })

  it('describes anything thrown', () => {
    expect(describeError('text')).toBe('text')
    expect(describeError(undefined)).toBe('undefined')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(describeError(cyclic)).toBe('[object Object]')
  })
})
