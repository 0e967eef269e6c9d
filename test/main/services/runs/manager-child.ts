// A stand-in for main in the crash test: a Node process that opens a project, starts one long run through
// the real run manager and engine host, and prints one JSON line per committed batch (the highest step it
// holds) so the test knows what must survive when it kills this process with -9.

import { forkSpawner } from '../../../../main/services/runs/fork-host.ts'
import { RunManager } from '../../../../main/services/runs/run-manager.ts'
import { ProjectStore } from '../../../../main/store/index.ts'
import { request } from './run-fixtures.ts'

const store = ProjectStore.create(process.argv[2], { appVersion: 'test' })
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`)
const manager = new RunManager(store, forkSpawner(), {
  recorder: {
    maxDelayMs: 100,
    onCommit: batch => say({ committed: Math.max(...batch.map(e => (e.kind === 'metrics' && e.scope === 'step' ? e.step : 0))) }),
  },
})
const runId = await manager.start(request(3, 3000))
say({ runId, host: manager.pid(runId) })
