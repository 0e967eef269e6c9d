// A kernel is one primitive: a CPU loop over typed arrays and (from the WebGPU issue) a WGSL body,
// side by side so they cannot drift apart unseen. Kernels overwrite their outputs entirely unless
// their params say they accumulate; shapes and sizes travel in params, never in the buffers.
import type { TypedArray } from '../backend/backend.ts'

/** what the WebGPU device needs to run a kernel: shader code and how many invocations */
export interface WgslProgram {
  code: string
  invocations: number
}

export interface Kernel<P> {
  readonly name: string
  cpu(inputs: TypedArray[], outputs: TypedArray[], params: P): void
  wgsl?(params: P): WgslProgram
}

export const defineKernel = <P>(k: Kernel<P>): Kernel<P> => k
