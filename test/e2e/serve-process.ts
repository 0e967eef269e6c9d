// Starts browser mode's entry (main/serve.ts, or another script of the repo) under tsx as `npm run serve`
// does, and waits for the URL the server prints (token included): global-setup.ts's shared server and the
// tests that need a server of their own, on their own settings folder.
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(import.meta.dirname, '../..')
const tsx = fileURLToPath(import.meta.resolve('tsx'))
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)/

/** a TypeScript script of the repo (path from the repo root) run by Node under tsx in `cwd`, `env` over ours */
export function startScript(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', tsx, join(repo, script), ...args], {
    cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** the URL a started server prints, and all it printed up to then; fails with that output if it exits first */
export function printedUrl(server: ChildProcess, timeoutMs = 120_000): Promise<{ url: string; output: string }> {
  let output = ''
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run serve printed no URL within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const m = URL_LINE.exec(output)
      if (!m) return
      clearTimeout(timer)
      done({ url: m[1], output })
    }
    server.stdout!.on('data', read)
    server.stderr!.on('data', (c: Buffer) => (output += c.toString()))
    server.once('exit', (code) => (clearTimeout(timer), fail(new Error(`npm run serve exited (${code}) before printing its URL:\n${output}`))))
  })
}
