// A LeNet-5 trained on Fashion-MNIST from the same seed on the CPU and on WebGPU: the loss curves agree
// within 1e-3 at every step. Losses stay on the device and are read back ten steps at a time, as the
// train loop reports them, so this also runs the GPU path with no read-back inside a step.
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { TEMPLATES, Tensor, buildModel, getBackend, ops, setBackend, sgd } from '../../../engine/index.ts'
import { probeWebGpu } from './backends.ts'

const STEPS = 100, BATCH = 16, PIXELS = 28 * 28

function fashion(): { images: Float32Array; labels: Int32Array } {
  const dir = '/usr/share/datasets/fashion-mnist'
  const n = STEPS * BATCH
  const img = gunzipSync(readFileSync(`${dir}/train-images-idx3-ubyte.gz`)).subarray(16, 16 + n * PIXELS)
  const lab = gunzipSync(readFileSync(`${dir}/train-labels-idx1-ubyte.gz`)).subarray(8, 8 + n)
  return { images: Float32Array.from(img, (v) => v / 255), labels: Int32Array.from(lab) }
}

/** the losses, and how many read-backs the device served meanwhile */
async function lossCurve(backend: 'cpu' | 'webgpu', data: ReturnType<typeof fashion>): Promise<{ curve: number[]; reads: number }> {
  const device = await setBackend(backend)
  const read = device.read.bind(device)
  let reads = 0
  device.read = (b) => { reads++; return read(b) }
  const model = buildModel(TEMPLATES.lenet5.spec(), { seed: 11 })
  const params = model.parameters()
  const opt = sgd({ lr: 0.05, momentum: 0.9 })
  const curve: number[] = []
  let pending: Tensor[] = []
  for (let s = 0; s < STEPS; s++) {
    const x = Tensor.from(data.images.subarray(s * BATCH * PIXELS, (s + 1) * BATCH * PIXELS), [BATCH, 1, 28, 28])
    const loss = ops.softmaxCrossEntropy(model.forward(x, { training: true }), data.labels.subarray(s * BATCH, (s + 1) * BATCH))
    loss.backward()
    opt.step(params)
    opt.zeroGrad(params)
    x.dispose()
    pending.push(loss)
    if (pending.length === 10 || s === STEPS - 1) {
      for (const v of await Promise.all(pending.map((t) => t.read()))) curve.push(v[0])
      pending.forEach((t) => t.dispose())
      pending = []
    }
  }
  device.read = read
  return { curve, reads }
}

const gpu = await probeWebGpu()

afterEach(async () => { await setBackend('cpu') })

describe('LeNet-5 on both backends', () => {
  it(`${STEPS} SGD steps of batch ${BATCH}: loss curves within 1e-3 at every step`, async (ctx) => {
    if (!gpu.ok) return ctx.skip(`no adapter: ${gpu.why}`)
    const data = fashion()
    const { curve: cpu } = await lossCurve('cpu', data)
    const { curve: webgpu, reads } = await lossCurve('webgpu', data)
    expect(getBackend().name).toBe('webgpu')
    expect(reads, 'the only read-backs are the losses').toBe(STEPS)
    expect(cpu).toHaveLength(STEPS)
    expect(cpu[STEPS - 1], 'the network learns').toBeLessThan(cpu[0] * 0.8)
    const worst = Math.max(...cpu.map((c, i) => Math.abs(webgpu[i] - c) / Math.max(1, Math.abs(c))))
    expect(worst, `largest gap ${worst}`).toBeLessThanOrEqual(1e-3)
  }, 420_000) // about 70 s of CPU time; shared machines stretch that
})
