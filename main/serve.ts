// `npm run serve`: starts browser mode and prints the one URL (with its token) to open.
import { existsSync } from 'node:fs'
import { startBrowserMode } from './browser-mode.ts'
import { parseServeArgs, serveUsage } from './serve-args.ts'

const args = parseServeArgs(process.argv.slice(2))
if ('error' in args) {
  console.error(`receptive serve: ${args.error}\n${serveUsage}`)
  process.exit(2)
}
if (args.help) {
  console.log(serveUsage)
  process.exit(0)
}
if (args.project !== null && !existsSync(args.project)) {
  console.error(`receptive serve: no such project file: ${args.project}`)
  process.exit(2)
}

try {
  const server = await startBrowserMode(args)
  console.log(`Receptive is running in browser mode (Ctrl+C stops it): ${server.url}`)
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code
  console.error(code === 'EADDRINUSE' ? `receptive serve: port ${args.port} is in use; pick another with --port` : `receptive serve: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
