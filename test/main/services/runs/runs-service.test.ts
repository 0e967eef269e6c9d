// Runs follow the open project: a change of project ends the old project's hosts (their runs recorded as
// interrupted in the old file) and gives the new project its own manager, on the same updates$ stream.

import { afterEach, beforeEach, expect, it } from 'vitest'
import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { RunsService } from '../../../../main/services/runs/runs-service.ts'
import type { RunState } from '../../../../main/services/runs/run-state.ts'
import { ProjectStore } from '../../../../main/store/index.ts'
import { tempDir } from '../../store/files.ts'
import { ended, gone, reaches, request } from './run-fixtures.ts'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

it('gives each open project its own manager and ends the old one\'s runs', async () => {
  const a = ProjectStore.create(`${dir}/a.receptive`, { appVersion: 'test' })
  const b = ProjectStore.create(`${dir}/b.receptive`, { appVersion: 'test' })
  let open = a
  const service = new RunsService(() => open, forkSpawner(), { throttleMs: 20 })
  const seen: RunState[] = []
  service.updates$.subscribe(s => seen.push(s))

  const inA = await service.manager.start(request(50, 3000))
  const pid = service.manager.pid(inA)!
  const endA = ended(service.manager, inA)
  await reaches(service.manager, inA, s => s.step >= 1)
  open = b
  service.projectChanged()
  expect((await endA).status).toBe('interrupted')
  expect(a.runs.get(inA)!.status).toBe('interrupted')
  expect(await gone(pid)).toBe(true)

  const inB = await service.manager.start(request(1))
  expect((await ended(service.manager, inB)).status).toBe('done')
  expect(b.runs.list().map(r => r.status)).toEqual(['done'])
  expect(seen.some(s => s.status === 'interrupted')).toBe(true)
  expect(seen.at(-1)).toMatchObject({ runId: inB, status: 'done' })
  service.shutdown()
  a.close()
  b.close()
})
