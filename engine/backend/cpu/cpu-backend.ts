// The CPU device: buffers are typed arrays on SharedArrayBuffer (so worker threads can share them),
// and running a kernel calls its CPU loop synchronously. Float buffers are Float32Array, or Float64Array
// when allocated in float64 mode (gradient checks only). Large arrays are recycled (buffer-pool.ts).
import type { Backend, DeviceBuffer, DType, TypedArray } from '../backend.ts'
import type { Kernel } from '../../kernels/kernel.ts'
import { getPrecision } from '../../precision.ts'
import { give, take } from './buffer-pool.ts'

export class CpuBuffer implements DeviceBuffer {
  readonly size: number
  constructor(readonly dtype: DType, public data: TypedArray) { this.size = data.length }
}

function allocArray(n: number, dtype: DType): TypedArray {
  const kind = dtype === 'i32' ? 'i32' : getPrecision()
  const reused = take(kind, n)
  if (reused) return reused
  if (kind === 'i32') return new Int32Array(new SharedArrayBuffer(4 * n))
  return kind === 'f64' ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float32Array(new SharedArrayBuffer(4 * n))
}

const arrayOf = (b: DeviceBuffer): TypedArray => {
  if (!(b instanceof CpuBuffer)) throw new Error('cpu backend: buffer belongs to another backend')
  if (b.data.length !== b.size) throw new Error('cpu backend: buffer was disposed')
  return b.data
}

const freed = new Float32Array(0)

export const cpuBackend: Backend = {
  name: 'cpu',
  alloc: (n, dtype = 'f32') => new CpuBuffer(dtype, allocArray(n, dtype)),
  write(b, data) {
    const a = arrayOf(b)
    if (data.length !== a.length) throw new Error(`cpu backend: writing ${data.length} values into a buffer of ${a.length}`)
    a.set(data)
  },
  read: async (b) => arrayOf(b).slice(),
  run<P>(kernel: Kernel<P>, inputs: DeviceBuffer[], outputs: DeviceBuffer[], params: P) {
    kernel.cpu(inputs.map(arrayOf), outputs.map(arrayOf), params)
  },
  free(b) {
    if (!(b instanceof CpuBuffer) || b.data === freed) return
    give(b.data)
    b.data = freed
  },
}
