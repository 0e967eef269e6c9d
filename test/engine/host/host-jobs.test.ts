// The one job table behind the engine host entries: the kind comes from `--job=KIND`, training is the
// default, and a name outside the table is refused with the known kinds rather than run as something else.

import { describe, expect, it } from 'vitest'
import { hostKindOf } from '../../../engine/host/host-jobs.ts'

describe('hostKindOf', () => {
  it('reads the job kind from the command line, training by default', () => {
    expect(hostKindOf(['node', 'entry.js', '--job=inspect', '--run=0'])).toBe('inspect')
    expect(hostKindOf(['node', 'entry.js', '--job=dataset'])).toBe('dataset')
    expect(hostKindOf(['node', 'entry.js', '--run=3'])).toBe('train')
  })

  it('refuses a kind that is not in the table, naming those that are', () => {
    expect(() => hostKindOf(['--job=export'])).toThrow("unknown engine host job 'export' (known: train, inspect, evaluate, dataset)")
  })
})
