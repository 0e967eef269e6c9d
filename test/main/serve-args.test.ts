import { describe, expect, it } from 'vitest'
import { parseServeArgs } from '../../main/serve-args.ts'

describe('parseServeArgs', () => {
  it('defaults to a free port and no project', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, project: null, help: false })
  })

  it('reads --port N, --port=N and a project', () => {
    expect(parseServeArgs(['--port', '8080', 'a.receptive'])).toEqual({ port: 8080, project: 'a.receptive', help: false })
    expect(parseServeArgs(['b.receptive', '--port=9'])).toEqual({ port: 9, project: 'b.receptive', help: false })
  })

  it.each([[['--port']], [['--port', 'x']], [['--port', '70000']], [['--port=-1']], [['--host', '0.0.0.0']], [['a', 'b']]])(
    'refuses %j with a reason',
    (argv) => {
      const parsed = parseServeArgs(argv)
      expect(parsed).toHaveProperty('error')
      expect((parsed as { error: string }).error.length).toBeGreaterThan(5)
    },
  )
})
