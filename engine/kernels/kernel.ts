// A kernel is one primitive: a CPU loop over typed arrays and a WGSL body, side by side so they cannot
// drift apart unseen. Kernels overwrite their outputs entirely unless their params say they accumulate;
// shapes and sizes travel in params, never in the buffers.
import type { TypedArray } from '../backend/backend.ts'

/** a scalar that changes between runs without recompiling the shader (a learning rate, a seed) */
export type WgslUniform = ['f32' | 'u32' | 'i32', number]

/**
 * One compute dispatch, as the WebGPU device's prelude (engine/backend/webgpu/prelude.ts) wraps it: the
 * prelude declares the buffers under the given names (`<name>_t` is each one's element type), the uniforms
 * as `u.<name>`, and main(); the body is only the computation.
 */
export interface WgslProgram {
  inputs: string[]
  outputs: string[]
  /** outputs declared array<atomic<u32>> (float atomic adds by compare-exchange) */
  atomics?: string[]
  /** module-scope declarations: consts, helper functions, workgroup arrays */
  header?: string
  /** flat kernels see `i: u32`, already below `invocations`; grid kernels see wid, lid (vec3u) and li */
  body: string
  invocations: number
  /** a tiled kernel's own workgroup size and count (then `invocations` is only informative) */
  grid?: { size: [number, number, number]; count: [number, number, number] }
  uniforms?: Record<string, WgslUniform>
}

/** element counts of a run's buffers, as the CPU loop sees them in its arrays' lengths */
export interface BufferSizes { inputs: number[]; outputs: number[] }

export interface Kernel<P> {
  readonly name: string
  cpu(inputs: TypedArray[], outputs: TypedArray[], params: P): void
  /** the dispatches, in order, over the same buffers; sizes are the buffers' element counts */
  wgsl?(params: P, sizes: BufferSizes): WgslProgram | WgslProgram[]
}

export const defineKernel = <P>(k: Kernel<P>): Kernel<P> => k
