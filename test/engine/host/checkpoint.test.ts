// A checkpoint restored into a fresh model and optimizer is the run it came from: saved again before any
// step it is the same checkpoint (optimizer state not yet placed on a device is kept), and one more step
// on each gives the same weights and state, as a resumed run must (issue 6).
import { describe, expect, it } from 'vitest'
import { buildModel, type Model } from '../../../engine/graph/build.ts'
import { checkpointOf, restoreCheckpoint } from '../../../engine/host/weights.ts'
import { ops } from '../../../engine/ops/index.ts'
import { adam, type Optimizer } from '../../../engine/optim/index.ts'
import { Tensor } from '../../../engine/tensor.ts'
import { mlpSpec } from '../../main/services/runs/run-fixtures.ts'

const x = Tensor.from(Array.from({ length: 4 * 784 }, (_, i) => Math.sin(i * 0.37)), [4, 1, 28, 28])
const labels = [0, 2, 1, 2]

function step(model: Model, optimizer: Optimizer): void {
  const loss = ops.softmaxCrossEntropy(model.forward(x, { training: true }), labels)
  loss.backward()
  optimizer.step(model.parameters())
  optimizer.zeroGrad(model.parameters())
}

const resumeFrom = (cp: Awaited<ReturnType<typeof checkpointOf>>, step: number) => ({ step, epoch: 1, ...cp })

describe('checkpoints', () => {
  it('round-trip through a fresh model and optimizer, before and after the next step', async () => {
    const model = buildModel(mlpSpec, { seed: 3 })
    const optimizer = adam({ lr: 0.01 })
    for (let i = 0; i < 3; i++) step(model, optimizer)
    const saved = await checkpointOf(model, optimizer, 1, 3)

    const again = buildModel(mlpSpec, { seed: 99 })
    const resumed = adam({ lr: 0.01 })
    restoreCheckpoint(again, resumed, resumeFrom(saved, 3))
    expect(await checkpointOf(again, resumed, 1, 3)).toEqual(saved)

    step(model, optimizer)
    step(again, resumed)
    expect(await checkpointOf(again, resumed, 1, 4)).toEqual(await checkpointOf(model, optimizer, 1, 4))
  })
})
