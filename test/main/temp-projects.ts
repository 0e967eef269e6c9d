// A project service over a fresh temporary settings folder, for tests that need real handlers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectService, type ProjectServiceOptions } from '../../main/services/projects.ts'

export interface TempProjects { projects: ProjectService; dir: string; dispose(): void }

export function tempProjects(path: string | null = null, more: Partial<ProjectServiceOptions> = {}): TempProjects {
  const dir = mkdtempSync(join(tmpdir(), 'receptive-projects-'))
  const projects = new ProjectService({ appVersion: '0.0.1-test', settingsDir: join(dir, 'settings'), cwd: dir, ...more }, path)
  return {
    projects,
    dir,
    dispose() {
      projects.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
