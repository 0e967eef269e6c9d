// Main's real handlers in this process for the Train view's tests: a temporary project, a run manager on
// forked engine hosts, and run.progress through main's event hub, behind the renderer's Api.
import v8 from 'node:v8'
import { createEventHub } from '../../../main/events.ts'
import { forkSpawner } from '../../../main/services/runs/fork-host.ts'
import { wireState } from '../../../main/services/runs/run-wire.ts'
import { RunsService } from '../../../main/services/runs/runs-service.ts'
import { contract, type Api } from '../../../preload/contract.ts'
import { tempProjects } from '../../main/temp-projects.ts'
import { handlersApi } from '../handlers-api.ts'

export interface LocalMain { api: Api; dispose(): void }

/**
 * jsdom's environment swaps the global Float32Array for its own realm's; main's code running in the test
 * checks the weights it gets over IPC (Node's Float32Array) against the global, so give it Node's back.
 * Returns the function that restores jsdom's.
 */
export function nodeTypedArrays(): () => void {
  const jsdom = globalThis.Float32Array
  globalThis.Float32Array = (v8.deserialize(v8.serialize(new Float32Array(0))) as Float32Array).constructor as Float32ArrayConstructor
  return () => void (globalThis.Float32Array = jsdom)
}

export function localMain(): LocalMain {
  const temp = tempProjects()
  const projects = temp.projects
  const hub = createEventHub(contract)
  const runs = new RunsService(() => projects.current, forkSpawner(), { throttleMs: 20 })
  runs.updates$.subscribe((s) => hub.emit('run.progress', wireState(s)))
  return {
    api: handlersApi({ projects, runs }, hub),
    dispose() {
      runs.shutdown()
      temp.dispose()
    },
  }
}
