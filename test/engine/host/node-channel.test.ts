// The host's watchdog on real processes: a host whose parent is killed with -9 exits on its own, even
// without an IPC channel to notice the loss (the utility-process case), because its parent pid changes.

import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { expect, it } from 'vitest'
import { nodeChannel } from '../../../engine/host/node-channel.ts'
import { alive, gone } from '../../main/services/runs/run-fixtures.ts'

it('exits when its parent is killed with -9', async () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const entry = `${import.meta.dirname}/orphan-child.ts`
  // the parent: a shell that starts the host in the background and then waits
  const parent = spawn('/bin/sh', ['-c', `"${process.execPath}" --import ${tsx} "${entry}" & wait`], { stdio: ['ignore', 'pipe', 'inherit'] })
  const first = await createInterface({ input: parent.stdout! })[Symbol.asyncIterator]().next()
  const pid = Number(first.value)
  expect(alive(pid)).toBe(true)
  parent.kill('SIGKILL')
  expect(await gone(pid, 5000)).toBe(true)
})

it('refuses to run without a channel to main', () => {
  const bare = { send: undefined } as unknown as NodeJS.Process
  expect(() => nodeChannel(bare)).toThrow(/must be started by Receptive/)
})
