// The WebGPU device: buffers in GPU memory (pooled, bounded, reported by memory()), kernels run as compute
// dispatches recorded into one command encoder and submitted in batches, so tensors stay on the GPU between
// ops and only read() waits. Every kernel brings its WGSL (engine/kernels/*.ts), wrapped by prelude.ts;
// pipelines are cached by their source. A lost device or a shader error fails the next call with its reason.
import type { Backend, DeviceBuffer, DType, TypedArray } from '../backend.ts'
import type { Kernel, WgslProgram } from '../../kernels/kernel.ts'
import { requestAdapter } from './adapter.ts'
import { bucketBytes, GpuBufferPool } from './gpu-buffer-pool.ts'
import { MAX_GROUPS } from '../../kernels/wgsl-grid.ts'
import { flatGrid, shaderSource, uniformBytes } from './prelude.ts'

/** bytes held by live tensors and idle in the pool (bounded by idleLimitBytes), and the most ever live */
export interface MemoryUsage { liveBytes: number; idleBytes: number; peakBytes: number; idleLimitBytes: number }

export interface WebGpuBackend extends Backend {
  readonly adapterName: string
  /** the adapter emulates a GPU on the CPU (SwiftShader): correct, but slower than the CPU backend */
  readonly software: boolean
  memory(): MemoryUsage
  /** gives the idle pool's memory back to the device */
  trim(): void
  /** destroys the device; the backend is unusable afterwards */
  destroy(): void
}

class GpuBuffer implements DeviceBuffer {
  constructor(readonly size: number, readonly dtype: DType, public gpu: GPUBuffer | null) {}
}

/** submit after this many recorded dispatches, so the GPU starts while JavaScript records more */
const BATCH = 64
const UNIFORM_BYTES = 256

export interface WebGpuOptions { idleLimitBytes?: number }

export async function createWebGpuBackend(opts: WebGpuOptions = {}): Promise<WebGpuBackend> {
  const found = await requestAdapter({ powerPreference: 'high-performance' })
  if (!found.adapter) throw new Error(found.reason)
  const lim = found.adapter.limits
  const device = await found.adapter.requestDevice({
    requiredLimits: {
      maxBufferSize: lim.maxBufferSize,
      maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
      maxComputeWorkgroupStorageSize: lim.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: lim.maxComputeInvocationsPerWorkgroup,
    },
  })
  return new WebGpuDevice(device, found.name, found.software, opts.idleLimitBytes ?? 512 * 1024 * 1024)
}

class WebGpuDevice implements WebGpuBackend {
  readonly name = 'webgpu' as const
  private readonly pool: GpuBufferPool
  private encoder: GPUCommandEncoder | null = null
  private pass: GPUComputePassEncoder | null = null
  private pending = 0
  private uniformsUsed: GPUBuffer[] = []
  private uniformsFree: GPUBuffer[] = []
  private readonly pipelines = new Map<string, GPUComputePipeline>()
  private readonly layouts = new Map<string, GPUPipelineLayout>()
  private readonly waiting = new Set<(e: Error) => void>()
  private failure: string | null = null
  private live = 0
  private peak = 0

  constructor(private readonly device: GPUDevice, readonly adapterName: string, readonly software: boolean, idleLimit: number) {
    this.pool = new GpuBufferPool(idleLimit)
    void device.lost.then((info) => {
      this.failure ??= `WebGPU device lost (${info.reason || 'unknown'}): ${info.message || 'no message'}`
      for (const reject of this.waiting) reject(new Error(this.failure))
      this.waiting.clear()
    })
    device.onuncapturederror = (ev) => { this.failure ??= `WebGPU error: ${ev.error.message}` }
  }

  memory(): MemoryUsage {
    return { liveBytes: this.live, idleBytes: this.pool.idleBytes, peakBytes: this.peak, idleLimitBytes: this.pool.maxIdleBytes }
  }

  alloc(n: number, dtype: DType = 'f32'): DeviceBuffer {
    this.check()
    const bytes = bucketBytes(4 * n)
    let gpu = this.pool.take(bytes)
    if (!gpu) {
      // idle buffers of other sizes go before new memory is taken past the limit
      if (this.pool.idleBytes + bytes > this.pool.maxIdleBytes) this.trim()
      gpu = this.device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST })
    }
    this.live += bytes
    this.peak = Math.max(this.peak, this.live)
    return new GpuBuffer(n, dtype, gpu)
  }

  write(b: DeviceBuffer, data: ArrayLike<number>): void {
    const gpu = this.gpuOf(b)
    if (data.length !== b.size) throw new Error(`webgpu backend: writing ${data.length} values into a buffer of ${b.size}`)
    if (!data.length) return
    // copies also take values off shared memory, which the queue may refuse
    const values = b.dtype === 'i32' ? Int32Array.from(data) : Float32Array.from(data)
    this.flush() // a pooled buffer may still be read by recorded work: the write must land after it
    this.device.queue.writeBuffer(gpu, 0, values)
  }

  async read(b: DeviceBuffer): Promise<TypedArray> {
    const gpu = this.gpuOf(b)
    const bytes = 4 * b.size
    if (!bytes) return b.dtype === 'i32' ? new Int32Array(0) : new Float32Array(0)
    const staging = this.device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST })
    this.record().copyBufferToBuffer(gpu, 0, staging, 0, bytes)
    this.flush()
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiting.add(reject)
        staging.mapAsync(GPUMapMode.READ).then(resolve, reject).finally(() => this.waiting.delete(reject))
      })
      const copy = staging.getMappedRange().slice(0)
      staging.unmap()
      this.check()
      return b.dtype === 'i32' ? new Int32Array(copy) : new Float32Array(copy)
    } catch (e) {
      this.check()
      throw e
    } finally {
      staging.destroy()
    }
  }

  run<P>(kernel: Kernel<P>, inputs: DeviceBuffer[], outputs: DeviceBuffer[], params: P): void {
    if (!kernel.wgsl) throw new Error(`webgpu backend: kernel ${kernel.name} has no WGSL body`)
    const ins = inputs.map((b) => this.gpuOf(b)), outs = outputs.map((b) => this.gpuOf(b))
    for (const o of outs) {
      if (ins.includes(o) || outs.indexOf(o) !== outs.lastIndexOf(o)) throw new Error(`webgpu backend: ${kernel.name} writes a buffer it also reads`)
    }
    const types = { inputs: inputs.map((b) => b.dtype), outputs: outputs.map((b) => b.dtype) }
    const programs = ([] as WgslProgram[]).concat(kernel.wgsl(params, { inputs: inputs.map((b) => b.size), outputs: outputs.map((b) => b.size) }))
    for (const p of programs) {
      const count = p.grid ? p.grid.count : flatGrid(p.invocations)
      if (count.some((c) => c === 0) || (!p.grid && p.invocations === 0)) continue
      if (count.some((c) => c > MAX_GROUPS)) throw new Error(`webgpu backend: ${kernel.name} needs ${count.join('×')} workgroups`)
      const uniforms = uniformBytes(p)
      const pipeline = this.pipeline(kernel.name, shaderSource(p, types), ins.length, outs.length, !!uniforms)
      const entries: GPUBindGroupEntry[] = [...inputs, ...outputs].map((b, k) => ({
        binding: k, resource: { buffer: [...ins, ...outs][k], offset: 0, size: Math.max(4, 4 * b.size) },
      }))
      if (uniforms) entries.push({ binding: entries.length, resource: { buffer: this.uniformBuffer(uniforms) } })
      const pass = this.computePass()
      pass.setPipeline(pipeline)
      pass.setBindGroup(0, this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }))
      pass.dispatchWorkgroups(count[0], count[1], count[2])
      if (++this.pending >= BATCH) this.flush()
    }
  }

  free(b: DeviceBuffer): void {
    if (!(b instanceof GpuBuffer) || !b.gpu) return
    this.live -= b.gpu.size
    if (!this.pool.give(b.gpu)) {
      this.flush() // recorded work may still use it
      b.gpu.destroy()
    }
    b.gpu = null
  }

  /** destroys every idle buffer */
  trim(): void {
    this.flush() // recorded work may still use them
    for (const b of this.pool.drain()) b.destroy()
  }

  destroy(): void {
    this.failure ??= 'WebGPU backend was destroyed'
    this.device.destroy()
  }

  private check(): void {
    if (this.failure) throw new Error(this.failure)
  }

  private gpuOf(b: DeviceBuffer): GPUBuffer {
    this.check()
    if (!(b instanceof GpuBuffer)) throw new Error('webgpu backend: buffer belongs to another backend')
    if (!b.gpu) throw new Error('webgpu backend: buffer was disposed')
    return b.gpu
  }

  private record(): GPUCommandEncoder {
    if (this.pass) { this.pass.end(); this.pass = null }
    this.encoder ??= this.device.createCommandEncoder()
    return this.encoder
  }

  private computePass(): GPUComputePassEncoder {
    if (!this.pass) this.pass = (this.encoder ??= this.device.createCommandEncoder()).beginComputePass()
    return this.pass
  }

  private flush(): void {
    if (!this.encoder) return
    this.pass?.end()
    this.pass = null
    this.device.queue.submit([this.encoder.finish()])
    this.encoder = null
    this.pending = 0
    // written with writeBuffer, which lands before the next submit: safe to reuse once this one is queued
    this.uniformsFree.push(...this.uniformsUsed)
    this.uniformsUsed = []
  }

  private uniformBuffer(bytes: ArrayBuffer): GPUBuffer {
    const b = this.uniformsFree.pop() ?? this.device.createBuffer({ size: UNIFORM_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST })
    if (bytes.byteLength > UNIFORM_BYTES) throw new Error('webgpu backend: too many uniforms')
    this.device.queue.writeBuffer(b, 0, bytes)
    this.uniformsUsed.push(b)
    return b
  }

  private pipeline(name: string, code: string, nIn: number, nOut: number, uniforms: boolean): GPUComputePipeline {
    const cached = this.pipelines.get(code)
    if (cached) return cached
    this.device.pushErrorScope('validation')
    const module = this.device.createShaderModule({ label: name, code })
    const pipeline = this.device.createComputePipeline({ label: name, layout: this.layout(nIn, nOut, uniforms), compute: { module, entryPoint: 'main' } })
    // the root cause: it replaces the errors that using the invalid pipeline has raised meanwhile
    void this.device.popErrorScope().then((e) => { if (e) this.failure = `WebGPU: kernel ${name} does not compile: ${e.message}` })
    this.pipelines.set(code, pipeline)
    return pipeline
  }

  // explicit layouts: an 'auto' one drops bindings the shader ignores (a fill never reads its input)
  private layout(nIn: number, nOut: number, uniforms: boolean): GPUPipelineLayout {
    const key = `${nIn}/${nOut}/${uniforms}`
    let layout = this.layouts.get(key)
    if (!layout) {
      const entries: GPUBindGroupLayoutEntry[] = []
      const add = (type: GPUBufferBindingType) => entries.push({ binding: entries.length, visibility: GPUShaderStage.COMPUTE, buffer: { type } })
      for (let k = 0; k < nIn; k++) add('read-only-storage')
      for (let k = 0; k < nOut; k++) add('storage')
      if (uniforms) add('uniform')
      layout = this.device.createPipelineLayout({ bindGroupLayouts: [this.device.createBindGroupLayout({ entries })] })
      this.layouts.set(key, layout)
    }
    return layout
  }
}
