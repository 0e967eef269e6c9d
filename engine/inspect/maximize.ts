// Activation maximisation: the input that most excites one channel (or unit) of a node, found by
// gradient ascent from seeded noise. Each step jitters the image by a random shift (so the result does
// not exploit one pixel grid), takes a step along the normalised gradient of the channel's mean
// activation, and decays the image towards zero (L2 regularisation) so values stay in a natural range.
// Deterministic for a seed. The weights are frozen meanwhile (no weight gradients are computed).

import type { Model } from '../graph/build.ts'
import { size } from '../graph/op-def.ts'
import { ops } from '../ops/index.ts'
import { deriveSeed, normalAt, uniformAt } from '../random.ts'
import { Tensor } from '../tensor.ts'
import { forwardTrace } from './forward-trace.ts'

export interface MaximizeOptions {
  node: string
  /** channel of a spatial node, unit of a flat one */
  channel: number
  steps?: number
  /** step length relative to the gradient's root mean square; default 0.1 */
  rate?: number
  /** largest random shift per step in pixels, on the last two axes; default 1 */
  jitter?: number
  /** weight decay per step (L2); default 0.01 */
  decay?: number
  /** standard deviation of the starting noise; default 0.1 */
  noise?: number
  seed?: number
}

export interface Maximized {
  /** one input sample, in the model's input layout */
  values: Float32Array
  shape: number[]
  /** the channel's mean activation before each step and after the last */
  activations: number[]
}

/** shifts the last one or two axes of a [C, ...spatial] image circularly by (dy, dx) */
export function roll(src: Float32Array, shape: readonly number[], dy: number, dx: number): Float32Array {
  const w = shape[shape.length - 1]
  const h = shape.length > 2 ? shape[shape.length - 2] : 1
  const out = new Float32Array(src.length)
  const mod = (a: number, n: number) => ((a % n) + n) % n
  for (let base = 0; base < src.length; base += h * w) {
    for (let y = 0; y < h; y++) {
      const ty = mod(y + dy, h)
      for (let x = 0; x < w; x++) out[base + ty * w + mod(x + dx, w)] = src[base + y * w + x]
    }
  }
  return out
}

/** one-hot over the channel axis of a node's output ([1, C, ...]) */
function channelMask(shape: readonly number[], channel: number): Tensor {
  const per = size(shape.slice(2))
  const mask = new Float32Array(size(shape))
  mask.fill(1 / per, channel * per, (channel + 1) * per)
  return Tensor.from(mask, shape)
}

export async function maximize(model: Model, options: MaximizeOptions): Promise<Maximized> {
  const { node, channel, steps = 64, rate = 0.1, jitter = 1, decay = 0.01, noise = 0.1, seed = 0 } = options
  const outShape = model.shapes.nodes[node]?.shape
  if (!outShape) throw new Error(`the model has no node ${node}`)
  if (!Number.isInteger(channel) || channel < 0 || channel >= outShape[0]) {
    throw new Error(`${node} has ${outShape[0]} channels; there is no channel ${channel}`)
  }
  const shape = [...model.inputShape]
  const stream = deriveSeed(seed, 1)
  let x = Float32Array.from({ length: size(shape) }, (_, i) => noise * normalAt(stream, i))
  const shifts = deriveSeed(seed, 2)
  const shift = (i: number) => Math.floor(uniformAt(shifts, i) * (2 * jitter + 1)) - jitter
  const mask = channelMask([1, ...outShape], channel)
  const params = [...model.parameters().values()]
  const frozen = params.map((p) => p.requiresGrad)
  params.forEach((p) => (p.requiresGrad = false))
  const activations: number[] = []
  try {
    for (let step = 0; step <= steps; step++) {
      const last = step === steps
      const [dy, dx] = last ? [0, 0] : [shift(2 * step), shift(2 * step + 1)]
      const input = Tensor.from(roll(x, shape, dy, dx), [1, ...shape], { requiresGrad: !last })
      const out = forwardTrace(model, input, node).get(node)!
      const objective = ops.sum(ops.mul(out, mask))
      activations.push((await objective.read())[0])
      if (last) break
      objective.backward()
      const g = roll((await input.grad!.read()).slice(), shape, -dy, -dx)
      const rms = Math.sqrt(g.reduce((a, v) => a + v * v, 0) / g.length) + 1e-12
      x = x.map((v, i) => v * (1 - decay) + (rate / rms) * g[i])
      input.grad!.dispose()
      input.dispose()
    }
  } finally {
    params.forEach((p, i) => (p.requiresGrad = frozen[i]))
    mask.dispose()
  }
  return { values: x, shape, activations }
}
