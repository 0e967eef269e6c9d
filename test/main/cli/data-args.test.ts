// Parsing `receptive data …`: subcommands, import options with their checks, and usage errors that
// name the flag.
import { describe, expect, it } from 'vitest'
import { parseDataArgs } from '../../../main/cli/data-args.ts'

describe('parseDataArgs', () => {
  it('reads a bare dataset as info, and the subcommands', () => {
    expect(parseDataArgs(['mnist/'])).toEqual({ command: 'info', target: 'mnist/', options: {}, skipBad: false, json: false })
    expect(parseDataArgs(['list']).command).toBe('list')
    expect(parseDataArgs(['--help']).command).toBe('help')
  })

  it('reads import options, with values after the flag or after =', () => {
    const a = parseDataArgs(['import', 'pics', '--format', 'image-folder', '--size=32x48', '--resize', 'fill', '--channels', '3',
      '--skip-bad', '--cache', '/tmp/c', '--spec', 'spec.json', '--classes', 'cat, dog', '--json'])
    expect(a).toEqual({
      command: 'import', target: 'pics', format: 'image-folder', skipBad: true, cacheDir: '/tmp/c', specOut: 'spec.json', json: true,
      options: { size: [32, 48], resize: 'fill', channels: 3, classes: ['cat', 'dog'] },
    })
    expect(parseDataArgs(['sounds', '--rate', '16000', '--length=8000', '--x', 'a', '--y', 'b']).options)
      .toEqual({ sampleRate: 16000, length: 8000, x: 'a', y: 'b' })
  })

  it('names the flag or word that is wrong', () => {
    const bad: [string[], string][] = [
      [['x', '--size', '28'], '--size needs HEIGHTxWIDTH such as 28x28, got "28"'],
      [['x', '--resize', 'crop'], '--resize must be one of fit, fill, stretch, none, got "crop"'],
      [['x', '--format', 'png'], '--format must be one of idx, cifar, image-folder, wav-folder, npy, npz, got "png"'],
      [['x', '--rate', '-5'], '--rate needs a positive whole number, got "-5"'],
      [['x', '--rate', '0'], '--rate needs a positive whole number, got "0"'],
      [['x', '--size'], '--size needs a value'],
      [['x', '--verbose'], 'unknown option --verbose'],
      [['a', 'b'], 'one dataset at a time (got a, b)'],
      [['import'], 'name a dataset: a file, a folder or a built-in id'],
      [['list', 'x'], 'data list takes no dataset (got x)'],
      [['info', 'x', '--skip-bad'], '--skip-bad, --cache and --spec belong to data import (data info always lists bad files)'],
    ]
    for (const [argv, message] of bad) expect(() => parseDataArgs(argv), argv.join(' ')).toThrow(message)
  })
})
