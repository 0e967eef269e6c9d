// A backend is a device: it owns memory and runs kernels, and knows no op names. Every op above it
// is composed from the primitives in engine/kernels/, each of which brings its own code per device.
// Reads are async because a GPU readback is; writes and runs are queued and return at once.
import type { Kernel } from '../kernels/kernel.ts'

export type DType = 'f32' | 'i32'
export type FloatArray = Float32Array | Float64Array
export type TypedArray = Float32Array | Float64Array | Int32Array

/** an opaque handle to device memory of `size` elements */
export interface DeviceBuffer {
  readonly size: number
  readonly dtype: DType
}

/** device memory in bytes, for a backend that pools it (WebGPU): held by live tensors, idle in the pool
 *  (bounded by idleLimitBytes), and the most ever live */
export interface BackendMemory { liveBytes: number; idleBytes: number; peakBytes: number; idleLimitBytes: number }

export interface Backend {
  readonly name: 'cpu' | 'webgpu'
  /** a buffer of n elements; contents are undefined until written or produced by a kernel */
  alloc(n: number, dtype?: DType): DeviceBuffer
  write(b: DeviceBuffer, data: ArrayLike<number>): void
  /** a fresh copy of the contents (Float64Array for float buffers made in float64 mode) */
  read(b: DeviceBuffer): Promise<TypedArray>
  run<P>(kernel: Kernel<P>, inputs: DeviceBuffer[], outputs: DeviceBuffer[], params: P): void
  free(b: DeviceBuffer): void
  /** memory use, where the device tracks it (the CPU's is the process heap and is not reported) */
  memory?(): BackendMemory
}
