// An optimizer over a model's named parameters: an update rule run as an in-place kernel on the device
// (parameter and state buffers are read and rewritten; the gradient is only read), so a step never reads
// back. State lives per parameter name, which is what a checkpoint stores and a resumed run loads, on the
// parameter's own backend (made, or restored from a checkpoint, at the parameter's first update).

import type { Backend, DeviceBuffer, FloatArray } from '../backend/backend.ts'
import { defineKernel, type Kernel } from '../kernels/kernel.ts'
import type { Tensor } from '../tensor.ts'
import type { UpdateRule } from './rule.ts'

/** everything needed to resume: the step count and every state array by parameter and slot name */
export interface OptimizerState {
  kind: string
  options: Record<string, unknown>
  step: number
  slots: Record<string, Record<string, Float32Array>>
}

interface StepParams { t: number; lr: number }

export class Optimizer {
  private t = 0
  private readonly state = new Map<string, { backend: Backend; buffers: DeviceBuffer[] }>()
  /** loaded state not yet on a device: it goes where its parameter lives, at that parameter's next update */
  private readonly loaded = new Map<string, Float32Array[]>()
  private readonly kernel: Kernel<StepParams>

  /** lr is the base rate; a schedule scales it per step */
  constructor(readonly rule: UpdateRule, readonly lr: number) {
    if (!(lr > 0 && Number.isFinite(lr))) throw new Error(`${rule.kind}: learning rate must be a positive number, got ${lr}`)
    // outputs are in-out: [parameter, ...slots]; the one input is the gradient
    this.kernel = defineKernel<StepParams>({
      name: `${rule.kind}-update`,
      cpu: ([g], [p, ...slots], { t, lr }) => rule.apply(p as FloatArray, g as FloatArray, slots as FloatArray[], t, lr),
      wgsl: ({ t, lr }, { outputs: [n] }) => ({
        inputs: ['g'], outputs: ['p', ...rule.slots], invocations: n, body: rule.wgsl.body, uniforms: rule.wgsl.uniforms(t, lr),
      }),
    })
  }

  /** updates taken so far */
  get steps(): number { return this.t }

  /** one update of every parameter that has a gradient, at rate lr */
  step(params: Map<string, Tensor>, lr = this.lr): void {
    this.t++
    for (const [name, p] of params) {
      if (!p.grad) continue // a parameter the loss does not reach is left alone, as PyTorch does
      p.backend.run(this.kernel, [p.grad.buffer], [p.buffer, ...this.slotsOf(name, p.size, p.backend)], { t: this.t, lr })
    }
  }

  /** frees every parameter's gradient so the next backward starts from zero (a kept p.grad is invalid after) */
  zeroGrad(params: Map<string, Tensor>): void {
    for (const p of params.values()) {
      p.grad?.dispose()
      p.grad = null
    }
  }

  async saveState(): Promise<OptimizerState> {
    const slots: OptimizerState['slots'] = {}
    for (const [name, values] of this.loaded) slots[name] = Object.fromEntries(this.rule.slots.map((s, i) => [s, Float32Array.from(values[i])]))
    for (const [name, { backend, buffers }] of this.state) {
      const values = await Promise.all(buffers.map((b) => backend.read(b)))
      slots[name] = Object.fromEntries(this.rule.slots.map((s, i) => [s, Float32Array.from(values[i])]))
    }
    return { kind: this.rule.kind, options: { ...this.rule.options }, step: this.t, slots }
  }

  /** restores a saved state; the kind and slot names must match this optimizer's */
  loadState(saved: OptimizerState): void {
    if (saved.kind !== this.rule.kind) throw new Error(`cannot load ${saved.kind} optimizer state into ${this.rule.kind}`)
    this.release()
    for (const [name, slots] of Object.entries(saved.slots)) {
      this.loaded.set(name, this.rule.slots.map((s) => {
        const values = slots[s]
        if (!values) throw new Error(`${this.rule.kind} state for ${name} lacks its ${s} values`)
        return values
      }))
    }
    this.t = saved.step
  }

  /** frees the state buffers */
  release(): void {
    for (const { backend, buffers } of this.state.values()) buffers.forEach((b) => backend.free(b))
    this.state.clear()
    this.loaded.clear()
  }

  private slotsOf(name: string, size: number, backend: Backend): DeviceBuffer[] {
    let held = this.state.get(name)
    if (held && held.backend !== backend) throw new Error(`${this.rule.kind}: ${name} moved to the ${backend.name} backend; its state is on the ${held.backend.name}`)
    if (!held) {
      const values = this.loaded.get(name) ?? this.rule.slots.map(() => new Float32Array(size))
      this.loaded.delete(name)
      if (values.some((v) => v.length !== size)) throw new Error(`${this.rule.kind}: state for ${name} holds ${values[0].length} values, the parameter ${size}`)
      held = {
        backend,
        buffers: values.map((v) => {
          const b = backend.alloc(size)
          backend.write(b, v)
          return b
        }),
      }
      this.state.set(name, held)
    }
    return held.buffers
  }
}
