// Recycles GPU storage buffers. Creating a buffer costs a driver allocation and zeroing, and a training step
// makes the same temporaries every time, so freed buffers wait here, by bucketed size, for the next alloc.
// Idle bytes are bounded: past the limit the device destroys what it frees. Contents are stale on reuse,
// which kernels allow (they overwrite their outputs).

/** byte size of the buffer that serves a request: 256-byte steps, then 8 steps per power of two */
export function bucketBytes(bytes: number): number {
  const b = Math.max(bytes, 16)
  if (b <= 4096) return Math.ceil(b / 256) * 256
  const step = 2 ** (Math.floor(Math.log2(b)) - 3)
  return Math.ceil(b / step) * step
}

export class GpuBufferPool {
  private idle = new Map<number, GPUBuffer[]>()
  idleBytes = 0

  constructor(readonly maxIdleBytes: number) {}

  take(bytes: number): GPUBuffer | undefined {
    const b = this.idle.get(bytes)?.pop()
    if (b) this.idleBytes -= b.size
    return b
  }

  /** keeps the buffer for reuse; false when over the limit (the caller destroys it) */
  give(b: GPUBuffer): boolean {
    if (this.idleBytes + b.size > this.maxIdleBytes) return false
    const list = this.idle.get(b.size) ?? []
    list.push(b)
    this.idle.set(b.size, list)
    this.idleBytes += b.size
    return true
  }

  /** removes every idle buffer, for the caller to destroy */
  drain(): GPUBuffer[] {
    const all = [...this.idle.values()].flat()
    this.idle.clear()
    this.idleBytes = 0
    return all
  }
}
