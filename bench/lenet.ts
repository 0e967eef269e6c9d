// LeNet-5 on Fashion-MNIST with the anchor's recipe (the lenet5 template; SGD momentum 0.9, lr 0.01, batch 64):
// training images/s in steady state (after 60 steps), inference images/s at batch 256, and, unless quick, test
// accuracy after 3 epochs. Uses the engine's own train loop, so its batching and readback are part of the figure.
import type { Dataset } from '../engine/data/dataset.ts'
import { fashionMissing, openFashionMnist } from '../engine/data/builtin/fashion-mnist.ts'
import { buildModel, type Model } from '../engine/graph/build.ts'
import { TEMPLATES } from '../engine/graph/templates.ts'
import { noGrad, Tensor } from '../engine/index.ts'
import { sgd } from '../engine/optim/index.ts'
import { train } from '../engine/train/index.ts'
import { median, rate } from './measure.ts'

const WARMUP_STEPS = 60
const QUICK_STEPS = 400

/** cpuMsPerStep: the process's CPU time (every thread) per training step, steps 61–400, which the machine's
 *  load disturbs less than wall time */
export interface LenetFigures { trainImgS: number; cpuMsPerStep: number; inferImgS: number; testAcc: number | null }

export { fashionMissing }

export async function lenet({ quick }: { quick: boolean }): Promise<LenetFigures> {
  const { train: trainSet, test } = await openFashionMnist()
  if (!test) throw new Error('Fashion-MNIST has no test split')
  const model = buildModel(TEMPLATES.lenet5.spec(), { seed: 0 })
  const stop = new AbortController()
  const groupRates: number[] = []
  let testAcc: number | null = null
  let cpuFrom: NodeJS.CpuUsage | null = null, cpuSteps = 0, cpuMicros = 0
  for await (const e of train({
    model, data: trainSet, validation: quick ? undefined : test, optimizer: sgd({ lr: 0.01, momentum: 0.9 }),
    epochs: quick ? 1 : 3, batchSize: 64, seed: 0, signal: stop.signal, reportEvery: 20,
  })) {
    // every step of a readback group carries that group's rate: keep one per group, after the warm-up
    if (e.type === 'step' && e.step % 20 === 0 && e.step > WARMUP_STEPS) groupRates.push(e.imagesPerSecond)
    if (e.type === 'step' && e.step === WARMUP_STEPS) cpuFrom = process.cpuUsage()
    if (e.type === 'step' && cpuFrom && e.step > WARMUP_STEPS && e.step <= QUICK_STEPS) {
      const used = process.cpuUsage(cpuFrom)
      cpuMicros = used.user + used.system
      cpuSteps = e.step - WARMUP_STEPS
    }
    if (e.type === 'step' && quick && e.step >= QUICK_STEPS) stop.abort()
    if (e.type === 'epoch' && e.validation) testAcc = e.validation.accuracy
  }
  return { trainImgS: median(groupRates), cpuMsPerStep: cpuMicros / 1000 / cpuSteps, inferImgS: await inferRate(model, test), testAcc }
}

/** forward passes at batch 256 over the first test images, without the tape */
async function inferRate(model: Model, test: Dataset): Promise<number> {
  const batch = 256, size = model.inputShape.reduce((a, b) => a * b, 1)
  const xs = Array.from({ length: 8 }, (_, j) => {
    const data = new Float32Array(batch * size)
    for (let i = 0; i < batch; i++) test.read(j * batch + i, data, i * size)
    return Tensor.from(data, [batch, ...model.inputShape])
  })
  let next = 0
  const images = await rate(async () => {
    const y = noGrad(() => model.forward(xs[next++ % xs.length]))
    await y.read()
    y.dispose()
  }, batch)
  xs.forEach((x) => x.dispose())
  return images
}
