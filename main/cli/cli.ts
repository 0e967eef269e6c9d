// The `receptive` command: one function from arguments to an exit status, so tests run it in
// process. Subcommands are listed here; the projects issue adds its own beside `data`.

import { dataCommand, USABLE, USAGE, type CliIo } from './data-command.ts'
import { exportCommand } from './export-command.ts'

const usage = `usage: receptive <command> …
commands:
  data     inspect or import a dataset (receptive data --help)
  export   write a run's trained model as ONNX, PyTorch or NumPy (receptive export --help)`

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'data') return dataCommand(rest, io)
  if (command === 'export') return exportCommand(rest, io)
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') { io.out(usage); return USABLE }
  io.err(`receptive: unknown command ${command}\n${usage}`)
  return USAGE
}
