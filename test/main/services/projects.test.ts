// The project service over real project files in a temporary folder: new projects start from LeNet-5,
// autosaved graphs survive reopening, Save As moves the project to its file, refusals change nothing.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { validateSpec } from '../../../engine/graph/validate.ts'
import { inferShapes } from '../../../engine/graph/infer.ts'
import type { Graph, OpenGraph, ProjectInfo } from '../../../preload/contract.ts'
import { ProjectService, projectInfo } from '../../../main/services/projects.ts'
import { tempProjects, type TempProjects } from '../temp-projects.ts'

let temps: TempProjects[] = []
function make(path: string | null = null, changes: ProjectInfo[] = []) {
  const t = tempProjects(path, { onChange: (i) => void changes.push(i) })
  temps.push(t)
  return t
}
afterEach(() => {
  for (const t of temps) t.dispose()
  temps = []
})

const untitledFiles = (t: TempProjects) => readdirSync(join(t.dir, 'settings', 'untitled'))
const stored = ({ spec, layout }: OpenGraph): Graph => ({ spec, layout })
const edited = (g: Graph): Graph => ({ spec: { ...g.spec, nodes: g.spec.nodes.slice(0, 3), output: g.spec.nodes[2].id }, layout: { input: { x: 10, y: 20 } } })

describe('ProjectService', () => {
  it('starts untitled with a valid LeNet-5, every node placed in one column', () => {
    const { projects } = make()
    expect(projects.info()).toEqual({ name: 'Untitled', path: null })
    const { spec, layout } = projects.graph()
    expect(validateSpec(spec).issues).toEqual([])
    const report = inferShapes(spec)
    expect(report.ok).toBe(true)
    expect(report.nodes[spec.output].shape).toEqual([10])
    expect(Object.keys(layout)).toEqual(spec.nodes.map((n) => n.id))
    expect(new Set(Object.values(layout).map((p) => p.x)).size).toBe(1)
    expect(new Set(Object.values(layout).map((p) => p.y)).size).toBe(spec.nodes.length)
  })

  it('saves as a named file, adding the extension; the graph goes along and the untitled file goes away', async () => {
    const changes: ProjectInfo[] = []
    const t = make(null, changes)
    const graph = edited(t.projects.graph())
    expect(t.projects.saveGraph(graph)).toBe(true)
    const info = await t.projects.saveAs('mnist')
    const file = join(t.dir, 'mnist.receptive')
    expect(info).toEqual({ name: 'mnist', path: file })
    expect(changes).toEqual([info])
    expect(untitledFiles(t)).toEqual([])
    expect(stored(t.projects.graph())).toEqual(graph)
    expect(t.projects.save()).toEqual(info)
    expect(t.projects.recent()).toEqual([info])

    const reopened = make(file)
    expect(reopened.projects.info()).toEqual(info)
    expect(stored(reopened.projects.graph())).toEqual(graph)
  })

  it('refuses to save over an existing file unless told to overwrite', async () => {
    const t = make()
    writeFileSync(join(t.dir, 'taken.receptive'), 'x')
    await expect(t.projects.saveAs('taken.receptive')).rejects.toThrow(/already exists/)
    expect(t.projects.info().path).toBeNull()
    await t.projects.saveAs('taken.receptive', true)
    expect(t.projects.info().name).toBe('taken')
  })

  it('keeps the open project when a file is refused', async () => {
    const changes: ProjectInfo[] = []
    const t = make(null, changes)
    const before = await t.projects.saveAs('first')
    changes.length = 0
    writeFileSync(join(t.dir, 'notes.receptive'), 'these are not a project')
    expect(() => t.projects.open('notes.receptive')).toThrow(/not a Receptive project/)
    expect(() => t.projects.open('missing.receptive')).toThrow(/does not exist/)
    expect(t.projects.info()).toEqual(before)
    expect(t.projects.graph().spec.nodes.length).toBeGreaterThan(0)
    expect(changes).toEqual([])
  })

  it('opens, switches and lists recent projects newest first', async () => {
    const t = make()
    const a = await t.projects.saveAs('a')
    const b = await t.projects.saveAs('b')
    t.projects.saveGraph(edited(t.projects.graph()))
    expect(t.projects.open(a.path!)).toEqual(a)
    expect(t.projects.graph().spec.nodes.length).toBe(13)
    expect(t.projects.recent()).toEqual([a, b])
    expect(t.projects.open('b.receptive')).toEqual(b)
    expect(t.projects.graph().spec.nodes.length).toBe(3)
  })

  it('new project replaces the open one and starts from the template again', async () => {
    const changes: ProjectInfo[] = []
    const t = make(null, changes)
    await t.projects.saveAs('kept')
    t.projects.saveGraph(edited(t.projects.graph()))
    expect(t.projects.newProject()).toEqual({ name: 'Untitled', path: null })
    expect(changes.at(-1)).toEqual({ name: 'Untitled', path: null })
    expect(t.projects.graph().spec.nodes.length).toBe(13)
    expect(untitledFiles(t)).toHaveLength(1)
    t.projects.newProject()
    expect(untitledFiles(t)).toHaveLength(1)
    expect(existsSync(join(t.dir, 'kept.receptive'))).toBe(true)
  })

  it('refuses a graph read from a project that is no longer open', async () => {
    const t = make()
    const before = t.projects.graph()
    expect(t.projects.saveGraph(edited(before))).toBe(true) // no id: stored
    expect(t.projects.saveGraph({ ...before, layout: {} })).toBe(true) // the open project's id: stored
    await t.projects.saveAs('next')
    const after = t.projects.graph()
    expect(after.project).not.toBe(before.project)
    expect(() => t.projects.saveGraph({ ...edited(before), project: before.project })).toThrow(/another project was opened/)
    expect(stored(t.projects.graph())).toEqual(stored(after))
  })

  it('starts untitled, saying why, when the project it was asked to open is refused', () => {
    const t = make()
    const bad = join(t.dir, 'bad.receptive')
    writeFileSync(bad, 'garbage')
    const said: string[] = []
    const s = ProjectService.openOrNew({ appVersion: '1', settingsDir: join(t.dir, 'settings'), cwd: t.dir }, bad, (m) => void said.push(m))
    try {
      expect(s.info()).toEqual({ name: 'Untitled', path: null })
      expect(said).toHaveLength(1)
      expect(said[0]).toContain('not a Receptive project')
    } finally {
      s.close()
    }
  })

  it('tells of a switch while the project open until then can still be written, then closes it', () => {
    let old: ProjectService['current'] | null = null
    const runsSeen: number[] = []
    // the listener reads the old store, as the runs service does when it winds down that project's runs
    const t = tempProjects(null, { onChange: () => void runsSeen.push(old!.runs.list().length) })
    temps.push(t)
    old = t.projects.current
    t.projects.newProject()
    expect(runsSeen).toEqual([0])
    expect(() => old!.runs.list()).toThrow()
  })

  it('names projects after their file', () => {
    expect(projectInfo('/data/mnist-lenet.receptive')).toEqual({ name: 'mnist-lenet', path: '/data/mnist-lenet.receptive' })
    expect(projectInfo(null)).toEqual({ name: 'Untitled', path: null })
  })

  it('closing removes an untitled project and keeps a saved one', async () => {
    const t = make()
    const file = t.projects.current.path
    t.projects.close()
    expect(existsSync(file)).toBe(false)
    const s = new ProjectService({ appVersion: '1', settingsDir: join(t.dir, 'settings'), cwd: t.dir })
    const saved = await s.saveAs('stays')
    s.close()
    expect(existsSync(saved.path!)).toBe(true)
  })
})
