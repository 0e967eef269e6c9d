// Recovering untitled projects after main was killed (-9) while one held work: a child Node process plays
// main and is killed; a fresh project service then offers its file back, recovers it with the edit, or
// discards it; a never-edited leftover is deleted silently; a file whose owner still runs is left alone.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectService } from '../../../main/services/projects.ts'
import { starterGraph } from '../../../main/services/starter-graph.ts'

let dir: string
let settingsDir: string
let services: ProjectService[] = []
let children: ChildProcess[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'receptive-recovery-'))
  settingsDir = join(dir, 'settings')
})
afterEach(() => {
  for (const s of services) s.close()
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  services = []
  children = []
  rmSync(dir, { recursive: true, force: true })
})

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** a child "main" that changed its untitled project and is still running; resolves with that file */
async function owner(change: 'edit' | 'run' | 'none'): Promise<{ child: ChildProcess; path: string }> {
  const child = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, 'projects-recovery-child.ts'), settingsDir, change],
    { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  for await (const line of createInterface({ input: child.stdout! })) return { child, path: (JSON.parse(line) as { path: string }).path }
  throw new Error('the child stopped before it reported its project')
}

async function crashed(change: 'edit' | 'run' | 'none'): Promise<string> {
  const { child, path } = await owner(change)
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
  return path
}

function service(): ProjectService {
  const s = new ProjectService({ appVersion: '0.0.1-test', settingsDir, cwd: dir })
  services.push(s)
  return s
}

const untitledDir = () => join(settingsDir, 'untitled')
const projectFiles = () => readdirSync(untitledDir()).filter((f) => f.endsWith('.receptive')).map((f) => join(untitledDir(), f))

describe('recovering untitled projects', () => {
  it('offers an edited project left by a killed main, and recovers it (still untitled) with the edit', async () => {
    const left = await crashed('edit')
    const modifiedAt = statSync(left).mtimeMs
    const projects = service()
    const [offered, ...others] = projects.recoverable()
    expect(others).toEqual([])
    expect(offered).toEqual({ path: left, name: 'Untitled', modifiedAt, summary: { layers: 2, runs: 0, datasets: 0 } })
    const fresh = projects.current.path

    expect(projects.recover(left)).toEqual({ name: 'Untitled', path: null })
    const { spec } = projects.graph()
    expect(spec.nodes.map((n) => n.op)).toEqual(['input', 'conv', 'relu'])
    expect(spec.output).toBe(spec.nodes[2].id)
    expect(existsSync(fresh)).toBe(false) // the empty project it replaced is thrown away
    expect(projects.recoverable()).toEqual([]) // held by this process now
    const other = service()
    expect(other.recoverable()).toEqual([]) // and so not offered to another service either

    const taken = projects.current.path // renamed as this process's own untitled file
    expect(existsSync(left)).toBe(false)
    expect(projectFiles().sort()).toEqual([taken, other.current.path].sort())
    const info = await projects.saveAs('recovered')
    expect(info).toEqual({ name: 'recovered', path: join(dir, 'recovered.receptive') })
    expect(projectFiles()).toEqual([other.current.path])
  })

  it('offers a project that only holds a run, and discards one on request', async () => {
    const left = await crashed('run')
    const projects = service()
    expect(projects.recoverable()).toMatchObject([{ path: left, summary: { layers: starterGraph().spec.nodes.length - 1, runs: 1, datasets: 0 } }])
    projects.discardRecoverable(left)
    expect(projectFiles()).toEqual([projects.current.path])
    expect(projects.recoverable()).toEqual([])
    expect(() => projects.recover(left)).toThrow(/no such unsaved project/)
    expect(() => projects.discardRecoverable(left)).toThrow(/no such unsaved project/)
  })

  it('deletes a never-edited leftover silently on start', async () => {
    const left = await crashed('none')
    expect(existsSync(left)).toBe(true)
    const projects = service()
    expect(projectFiles()).toEqual([projects.current.path])
    expect(projects.recoverable()).toEqual([])
  })

  it('leaves alone a project whose Receptive still runs, and offers it once that process is gone', async () => {
    const { child, path } = await owner('edit')
    const projects = service()
    expect(projects.recoverable()).toEqual([])
    expect(() => projects.recover(path)).toThrow(/open in another Receptive/)
    expect(() => projects.discardRecoverable(path)).toThrow(/open in another Receptive/)
    expect(existsSync(path)).toBe(true)

    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
    expect(projects.recoverable().map((r) => r.path)).toEqual([path])
    expect(service().recoverable().map((r) => r.path)).toEqual([path]) // listing takes nothing
  })

  it('offers a file made before this boot even when its pid now belongs to a live process (power loss)', async () => {
    const left = await crashed('edit')
    const before = join(untitledDir(), `untitled-${process.ppid}-1000-1.receptive`) // made in 1970, by a pid alive now
    renameSync(left, before)
    expect(service().recoverable().map((r) => r.path)).toEqual([before])
    const sameBoot = join(untitledDir(), `untitled-${process.ppid}-${Date.now()}-1.receptive`) // as if that pid made it now
    renameSync(before, sameBoot)
    expect(service().recoverable()).toEqual([])
  })

  it('recovers and discards only leftovers of its own untitled folder', async () => {
    const projects = service()
    const own = projects.current.path
    expect(() => projects.recover(own)).toThrow(/open in another Receptive/)
    expect(() => projects.discardRecoverable(join(dir, 'elsewhere.receptive'))).toThrow(/no such unsaved project/)
    expect(existsSync(own)).toBe(true)
  })
})
