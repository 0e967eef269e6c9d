// Which project a command line opens: flags (ours and Chromium's) are skipped, `--` ends them, relative
// paths resolve against the launching folder, the executable and the dev app folder are never taken.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectArgument } from '../../../main/electron/launch-args.ts'

const cwd = resolve('/home/ada/work')

describe('projectArgument', () => {
  it('takes a project path after the executable (packaged) or after the app folder (development)', () => {
    expect(projectArgument(['/opt/Receptive/receptive', '/data/net.receptive'], cwd, 1)).toBe('/data/net.receptive')
    expect(projectArgument(['/usr/bin/electron', '.', 'net.receptive'], cwd, 2)).toBe(resolve(cwd, 'net.receptive'))
  })

  it('skips switches, including ones Chromium appends and ones that look like project files', () => {
    const argv = ['receptive', '--allow-file-access-from-files', 'a b/My Net.RECEPTIVE', '--original-process-start-time=1327', '--project=x.receptive', '-v']
    expect(projectArgument(argv, cwd, 1)).toBe(resolve(cwd, 'a b/My Net.RECEPTIVE'))
  })

  it('after -- takes even a name starting with a dash', () => {
    expect(projectArgument(['receptive', '--', '-odd.receptive'], cwd, 1)).toBe(resolve(cwd, '-odd.receptive'))
  })

  it('takes the last of several, and none when nothing names a project', () => {
    expect(projectArgument(['receptive', 'a.receptive', 'b.receptive'], cwd, 1)).toBe(resolve(cwd, 'b.receptive'))
    expect(projectArgument(['receptive'], cwd, 1)).toBeNull()
    expect(projectArgument(['receptive', 'notes.txt', '.receptive', 'x.receptive.bak'], cwd, 1)).toBeNull()
    expect(projectArgument(['/x/app.receptive', '/x/dev.receptive'], cwd, 2)).toBeNull()
  })

})
