// The writer the crash-safety test kills with -9: opens a project through ProjectStore (rolling back
// whatever the last kill left), then records one batch per step for ever (metric values and a checkpoint
// of weights, all equal to the step, one transaction each), printing each step once committed.
// Arguments: the project, values per step, weights per checkpoint.
import { ProjectStore } from '../../../main/store/index.ts'

const [path, VALUES_PER_STEP, WEIGHTS] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])]
const store = ProjectStore.open(path)
const runId = 1
let step = store.checkpoints.latest(runId)?.step ?? 0
process.stdout.write(`ready ${step}\n`) // the step the file holds
for (;;) {
  step++
  const values = Object.fromEntries(Array.from({ length: VALUES_PER_STEP }, (_, i) => [`m${i}`, step]))
  store.recordEvents([
    { kind: 'metrics', runId, step, epoch: 1, scope: 'step', split: 'train', values },
    { kind: 'checkpoint', runId, step, epoch: 1, state: { step },
      weights: { 'fc.weight': { shape: [WEIGHTS], data: new Float32Array(WEIGHTS).fill(step) } }, optimizer: {} },
  ])
  process.stdout.write(`${step}\n`)
}
