// Runs a kernel on the inputs' backend into freshly allocated outputs. Every op's forward goes
// through here, so "which device" and "allocate the result" are decided in one place.
import type { Backend, DType } from '../backend/backend.ts'
import { getBackend } from '../backend/select.ts'
import type { Kernel } from '../kernels/kernel.ts'
import { Tensor } from '../tensor.ts'

export interface OutSpec { shape: readonly number[]; dtype?: DType }

/** `on` picks the backend for a kernel without inputs (a random fill); otherwise the inputs' backend */
export function launchMany<P>(kernel: Kernel<P>, inputs: Tensor[], outs: OutSpec[], params: P, on?: Backend): Tensor[] {
  const backend = inputs[0]?.backend ?? on ?? getBackend()
  for (const t of inputs) if (t.backend !== backend) throw new Error(`${kernel.name}: inputs live on different backends`)
  const outputs = outs.map((o) => Tensor.empty(o.shape, o.dtype ?? 'f32', backend))
  backend.run(kernel, inputs.map((t) => t.buffer), outputs.map((t) => t.buffer), params)
  return outputs
}

export const launch = <P>(kernel: Kernel<P>, inputs: Tensor[], shape: readonly number[], params: P, dtype: DType = 'f32', on?: Backend): Tensor =>
  launchMany(kernel, inputs, [{ shape, dtype }], params, on)[0]
