// A tensor: a shape and a buffer on a backend, plus what autograd needs (requiresGrad, grad, the tape
// node that made it). Values live on the device; reading them back is async and ops never do it.
// Reshapes and detach() share the buffer: dispose() frees the storage of every view of it.
import type { Backend, DeviceBuffer, DType } from './backend/backend.ts'
import { getBackend } from './backend/select.ts'
import { backward, type TapeNode } from './autograd.ts'
import { sizeOf } from './kernels/strides.ts'

export interface TensorOptions {
  requiresGrad?: boolean
  /** where the values live; the current backend by default */
  backend?: Backend
}

export const fmtShape = (shape: readonly number[]): string => `[${shape.join(',')}]`

function checkShape(where: string, shape: readonly number[], n?: number): void {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`${where}: invalid shape ${fmtShape(shape)}`)
  if (n !== undefined && n !== sizeOf(shape)) throw new Error(`${where}: ${n} values do not fill shape ${fmtShape(shape)}`)
}

let births: Set<DeviceBuffer> | null = null

/** while set, every buffer a tensor allocates is added to `into` (autograd frees consumed gradients among them) */
export function noteBirths(into: Set<DeviceBuffer> | null): Set<DeviceBuffer> | null {
  const prev = births
  births = into
  return prev
}

export class Tensor {
  readonly shape: readonly number[]
  readonly size: number
  grad: Tensor | null = null
  requiresGrad: boolean
  /** how autograd reaches this tensor's inputs; null for leaves and for results made without grad */
  node: TapeNode | null = null

  constructor(readonly buffer: DeviceBuffer, shape: readonly number[], readonly backend: Backend, requiresGrad = false) {
    this.shape = Object.freeze([...shape])
    this.size = sizeOf(shape)
    this.requiresGrad = requiresGrad
  }

  get dtype(): DType { return this.buffer.dtype }
  get ndim(): number { return this.shape.length }

  /** an uninitialised tensor (on the current backend unless given), for an op to fill */
  static empty(shape: readonly number[], dtype: DType = 'f32', backend: Backend = getBackend()): Tensor {
    checkShape('Tensor.empty', shape)
    const buffer = backend.alloc(sizeOf(shape), dtype)
    births?.add(buffer)
    return new Tensor(buffer, shape, backend)
  }

  static from(data: ArrayLike<number>, shape: readonly number[], opts: TensorOptions = {}): Tensor {
    checkShape('Tensor.from', shape, data.length)
    const t = Tensor.empty(shape, 'f32', opts.backend)
    t.backend.write(t.buffer, data)
    t.requiresGrad = opts.requiresGrad ?? false
    return t
  }

  /** integer tensor (labels, indices), on the current backend unless given */
  static fromInt(data: ArrayLike<number>, shape: readonly number[], backend: Backend = getBackend()): Tensor {
    checkShape('Tensor.fromInt', shape, data.length)
    const t = Tensor.empty(shape, 'i32', backend)
    t.backend.write(t.buffer, data)
    return t
  }

  static full(shape: readonly number[], value: number, opts: TensorOptions = {}): Tensor {
    checkShape('Tensor.full', shape)
    return Tensor.from(new Float64Array(sizeOf(shape)).fill(value), shape, opts)
  }

  static zeros(shape: readonly number[], opts: TensorOptions = {}): Tensor { return Tensor.full(shape, 0, opts) }
  static ones(shape: readonly number[], opts: TensorOptions = {}): Tensor { return Tensor.full(shape, 1, opts) }

  /** float values as float32 (converted when the tensor is float64 or integer) */
  async read(): Promise<Float32Array> {
    const a = await this.backend.read(this.buffer)
    return a instanceof Float32Array ? a : Float32Array.from(a)
  }

  /** float values at full stored precision, as float64 */
  async readF64(): Promise<Float64Array> {
    return Float64Array.from(await this.backend.read(this.buffer))
  }

  async readInt(): Promise<Int32Array> {
    const a = await this.backend.read(this.buffer)
    return a instanceof Int32Array ? a : Int32Array.from(a)
  }

  /** fills .grad of every leaf that requires grad; grad is required unless this is a scalar (one element) */
  backward(grad?: Tensor): void {
    backward(this, grad)
  }

  /** the same values, cut off from the tape */
  detach(): Tensor {
    return new Tensor(this.buffer, this.shape, this.backend)
  }

  /** a view with another shape of the same size, sharing the buffer (no tape: ops.reshape records one) */
  view(shape: readonly number[]): Tensor {
    checkShape('view', shape, this.size)
    return new Tensor(this.buffer, shape, this.backend)
  }

  dispose(): void {
    this.backend.free(this.buffer)
    this.node = null
    this.grad = null
  }

  toString(): string { return `Tensor${fmtShape(this.shape)}` }
}
