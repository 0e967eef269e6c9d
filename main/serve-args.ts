// Command-line arguments of browser mode: `serve [--port N] [project]`.

export interface ServeArgs {
  /** 0 picks a free port */
  port: number
  project: string | null
  help: boolean
}

export const serveUsage = 'usage: npm run serve [-- --port N] [-- <project.receptive>]'

export function parseServeArgs(argv: string[]): ServeArgs | { error: string } {
  const args: ServeArgs = { port: 0, project: null, help: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--help' || a === '-h') args.help = true
    else if (a === '--port' || a.startsWith('--port=')) {
      const value = a === '--port' ? argv[++i] : a.slice('--port='.length)
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
        return { error: `--port needs a number from 0 to 65535, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` }
      }
      args.port = Number(value)
    } else if (a.startsWith('-')) return { error: `unknown option ${a}` }
    else if (args.project !== null) return { error: `one project at a time (got ${args.project} and ${a})` }
    else args.project = a
  }
  return args
}
