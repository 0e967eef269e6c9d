// `receptive export` on a real project file: each format written where -o says with exit status 0,
// usage errors (missing flags, bad run id, unknown format) exit 64 naming the problem, and refused exports
// (no such run, no weights, a missing project) exit 1 with the reason and write nothing.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/cli.ts'
import { exportProject, type ExportProject } from '../services/export-project.ts'

let p: ExportProject
beforeAll(async () => { p = await exportProject() })
afterAll(() => p.dispose())

async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = []
  const status = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} })
  return { status, out: out.join('\n'), err: err.join('\n') }
}

describe('receptive export', () => {
  it('writes each format', async () => {
    const onnx = join(p.dir, 'm.onnx')
    expect(await run('export', p.path, '--run', String(p.trained), '--format', 'onnx', '-o', onnx)).toEqual({
      status: 0, out: `exported run ${p.trained} as onnx: ${onnx}`, err: '',
    })
    const torch = join(p.dir, 'torch')
    const r = await run('export', p.path, `--run=${p.trained}`, '--format=pytorch', '--output', torch)
    expect(r.status).toBe(0)
    expect(r.out).toMatch(/\(model\.py, weights\.npz, README\.md\)$/)
    expect(readdirSync(torch).sort()).toEqual(['README.md', 'model.py', 'weights.npz'])
    expect((await run('export', p.path, '--run', String(p.trained), '--format', 'npz', '-o', join(p.dir, 'w.npz'))).status).toBe(0)
    expect(existsSync(join(p.dir, 'w.npz'))).toBe(true)
  })

  const usage: [string[], RegExp][] = [
    [['--run', '1', '--format', 'onnx', '-o', 'x.onnx'], /name a project file/],
    [['p.receptive', '--format', 'onnx', '-o', 'x.onnx'], /--run needs a run id/],
    [['p.receptive', '--run', 'one', '--format', 'onnx', '-o', 'x.onnx'], /--run needs a run id .*got "one"/],
    [['p.receptive', '--run', '1', '--format', 'keras', '-o', 'x'], /--format must be one of onnx, pytorch, npz, got "keras"/],
    [['p.receptive', '--run', '1', '--format', 'onnx'], /-o PATH/],
    [['p.receptive', '--run', '1', '--format', 'onnx', '-o', 'x', '--quick'], /unknown option --quick/],
  ]
  for (const [argv, message] of usage) {
    it(`usage: ${argv.join(' ')}`, async () => {
      const r = await run('export', ...argv)
      expect(r.status).toBe(64)
      expect(r.err).toMatch(message)
      expect(r.err).toMatch(/usage: receptive export/)
    })
  }

  it('prints its usage with --help', async () => {
    expect(await run('export', '--help')).toMatchObject({ status: 0, out: expect.stringMatching(/^usage: receptive export/) })
  })

  it('exits 1 with the reason when the export is refused', async () => {
    const target = join(p.dir, 'refused.onnx')
    const untrained = await run('export', p.path, '--run', String(p.untrained), '--format', 'onnx', '-o', target)
    expect(untrained).toMatchObject({ status: 1, err: expect.stringMatching(/^receptive export: run \d+ \(fresh\) has no trained weights yet/) })
    expect((await run('export', p.path, '--run', '42', '--format', 'onnx', '-o', target)).err).toMatch(/there is no run 42/)
    expect((await run('export', join(p.dir, 'none.receptive'), '--run', '1', '--format', 'onnx', '-o', target)).status).toBe(1)
    expect(existsSync(target)).toBe(false)
  })
})
