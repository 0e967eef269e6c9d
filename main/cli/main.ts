// Process entry of the `receptive` command (bin/receptive.mjs loads it through tsx): wires the
// CLI to stdout/stderr, draws progress only on a terminal, and exits with the CLI's status.

import { runCli } from './cli.ts'

const progress = process.stderr.isTTY ? (text: string) => void process.stderr.write(text) : undefined
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  progress,
  env: process.env,
})
