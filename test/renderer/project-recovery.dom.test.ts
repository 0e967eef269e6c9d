// The recovery dialog against main's real handlers, over a settings folder where a child "main" was killed
// with -9 while its untitled project held work: it asks about the newest leftover, Recover opens it with
// its edit (still untitled), Discard deletes it and shows the next, Later keeps them; nothing, no dialog.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectService } from '../../main/services/projects.ts'
import type { Api, ProjectInfo } from '../../preload/contract.ts'
import RecoveryDialog from '../../renderer/lib/project/RecoveryDialog.svelte'
import { handlersApi } from './handlers-api.ts'

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const child = join(import.meta.dirname, '../main/services/projects-recovery-child.ts')

let dir: string
let projects: ProjectService | undefined
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'receptive-recovery-dom-'))))
afterEach(() => {
  projects?.close()
  projects = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** a child main changes its untitled project and is killed with -9; resolves with the file it left */
async function crashed(change: 'edit' | 'run'): Promise<string> {
  const main = spawn(process.execPath, ['--import', tsx, child, join(dir, 'settings'), change], { stdio: ['ignore', 'pipe', 'inherit'] })
  let path = ''
  for await (const line of createInterface({ input: main.stdout! })) {
    path = (JSON.parse(line) as { path: string }).path
    break
  }
  const exited = new Promise((r) => main.once('exit', r))
  main.kill('SIGKILL')
  await exited
  return path
}

function api(): Api {
  projects = new ProjectService({ appVersion: '1', settingsDir: join(dir, 'settings'), cwd: dir })
  return handlersApi({ projects })
}

describe('RecoveryDialog', { timeout: 30_000 }, () => {
  it('recovers the project a killed main left, with its edit, as an untitled project', async () => {
    const left = await crashed('edit')
    const a = api()
    const recovered: ProjectInfo[] = []
    render(RecoveryDialog, { api: a, onrecovered: (p: ProjectInfo) => void recovered.push(p) })
    const dialog = await screen.findByRole('dialog', { name: 'Receptive closed unexpectedly' })
    expect(dialog.textContent).toMatch(/Recover the unsaved project from \d\d:\d\d \(2 layers\)\?/)
    await fireEvent.click(screen.getByRole('button', { name: 'Recover' }))
    await expect.poll(() => recovered).toEqual([{ name: 'Untitled', path: null }])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect((await a.invoke('graph.get')).spec.nodes.map((n) => n.op)).toEqual(['input', 'conv', 'relu'])
    expect(await a.invoke('project.recoverable')).toEqual([])
    expect(existsSync(left)).toBe(false) // renamed as this process's own untitled file, now open
    expect(projects!.current.path).toMatch(new RegExp(`untitled-${process.pid}-\\d+-\\d+\\.receptive$`))
  })

  it('discards the newest leftover and asks about the next; Later keeps the rest', async () => {
    const edited = await crashed('edit')
    const ran = await crashed('run')
    const a = api()
    render(RecoveryDialog, { api: a })
    const dialog = await screen.findByRole('dialog', { name: 'Receptive closed unexpectedly' })
    expect(dialog.textContent).toMatch(/\(\d+ layers, 1 run\)\?/)
    expect(dialog.textContent).toContain('1 more after this one.')
    await fireEvent.click(screen.getByRole('button', { name: 'Discard' }))
    await expect.poll(() => screen.getByRole('dialog').textContent).toMatch(/\(2 layers\)\?/)
    expect(existsSync(ran)).toBe(false)
    expect(screen.getByRole('dialog').textContent).not.toContain('more after this one')
    await fireEvent.click(screen.getByRole('button', { name: 'Later' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect((await a.invoke('project.recoverable')).map((r) => r.path)).toEqual([edited])
  })

  it('shows nothing when no project was left behind', async () => {
    const a = api()
    render(RecoveryDialog, { api: a })
    expect(await a.invoke('project.recoverable')).toEqual([])
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
