// Define-by-run autograd: each differentiable op that sees an input requiring grad records a tape node
// on its output (its inputs and a backward closure written with other ops, so it runs on any backend).
// backward() walks the nodes in reverse topological order, summing gradients of tensors used twice,
// and accumulates into .grad of leaves as PyTorch does. The tape is released as it is consumed, and
// intermediate gradients are freed as soon as they have been pushed back.
import type { DeviceBuffer } from './backend/backend.ts'
import { fmtShape, noteBirths, Tensor } from './tensor.ts'
import { binary } from './kernels/elementwise.ts'

/** given the gradient of the output, the gradient of each input (null where none flows) */
export type BackwardFn = (grad: Tensor) => (Tensor | null)[]

export interface TapeNode {
  readonly op: string
  readonly inputs: Tensor[]
  backward: BackwardFn | null
}

let enabled = true

export const isGradEnabled = (): boolean => enabled

/** runs fn without recording the tape (inference, optimizer steps); fn must be synchronous */
export function noGrad<T>(fn: () => T): T {
  const prev = enabled
  enabled = false
  try {
    return fn()
  } finally {
    enabled = prev
  }
}

/** attaches a tape node to out when grad is on and some input requires it; returns out */
export function record(op: string, out: Tensor, inputs: Tensor[], backward: BackwardFn): Tensor {
  if (enabled && inputs.some((t) => t.requiresGrad)) {
    out.requiresGrad = true
    out.node = { op, inputs, backward }
  }
  return out
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i])

function addInto(a: Tensor, b: Tensor): Tensor {
  const out = Tensor.empty(a.shape, 'f32', a.backend)
  a.backend.run(binary, [a.buffer, b.buffer], [out.buffer], { op: 'add', outShape: [a.size], strideX: [1], strideY: [1] })
  return out
}

/**
 * Reference counts of the buffers that pending gradients use. A gradient buffer allocated during this
 * backward pass is freed (back to the device's pool) once no pending gradient or leaf .grad uses it;
 * buffers from before (forward values, the caller's upstream gradient) are never touched.
 */
class GradBuffers {
  readonly born = new Set<DeviceBuffer>()
  private refs = new Map<DeviceBuffer, number>()

  hold(t: Tensor): void { this.refs.set(t.buffer, (this.refs.get(t.buffer) ?? 0) + 1) }

  release(t: Tensor): void {
    const n = (this.refs.get(t.buffer) ?? 0) - 1
    if (n > 0) { this.refs.set(t.buffer, n); return }
    this.refs.delete(t.buffer)
    if (this.born.has(t.buffer)) t.backend.free(t.buffer)
  }
}

function topoOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = []
  const seen = new Set<Tensor>()
  const stack: [Tensor, number][] = [[root, 0]]
  seen.add(root)
  while (stack.length) {
    const top = stack[stack.length - 1]
    const inputs = top[0].node?.inputs ?? []
    if (top[1] < inputs.length) {
      const next = inputs[top[1]++]
      if (next.requiresGrad && !seen.has(next)) { seen.add(next); stack.push([next, 0]) }
    } else {
      order.push(top[0])
      stack.pop()
    }
  }
  return order.reverse()
}

export function backward(root: Tensor, grad?: Tensor): void {
  if (!root.requiresGrad) throw new Error(`backward: tensor ${fmtShape(root.shape)} does not require grad`)
  if (!grad && root.size !== 1) throw new Error(`backward: tensor ${fmtShape(root.shape)} is not a scalar; pass an upstream gradient of its shape`)
  if (grad && !sameShape(grad.shape, root.shape)) throw new Error(`backward: gradient ${fmtShape(grad.shape)} does not match tensor ${fmtShape(root.shape)}`)
  const seed = grad ?? Tensor.full(root.shape, 1, { backend: root.backend })
  const grads = new Map<Tensor, Tensor>([[root, seed]])
  const buffers = new GradBuffers()
  buffers.hold(seed)
  const prevBirths = noteBirths(buffers.born)
  try {
    noGrad(() => {
      for (const t of topoOrder(root)) {
        const g = grads.get(t)
        grads.delete(t)
        if (!g) continue
        const node = t.node
        if (!node) {
          // a leaf keeps g (its hold is never released); an earlier .grad is summed into a new tensor
          if (t.grad) { t.grad = addInto(t.grad, g); buffers.hold(t.grad); buffers.release(g) } else t.grad = g
          continue
        }
        if (!node.backward) throw new Error(`backward: the tape through ${node.op} was already used; run the forward pass again`)
        const inGrads = node.backward(g)
        node.backward = null
        inGrads.forEach((gx) => gx && buffers.hold(gx))
        node.inputs.forEach((x, i) => {
          const gx = inGrads[i]
          if (!gx) return
          if (!x.requiresGrad) { buffers.release(gx); return }
          if (!sameShape(gx.shape, x.shape)) throw new Error(`backward of ${node.op}: gradient ${fmtShape(gx.shape)} for input ${fmtShape(x.shape)}`)
          const prev = grads.get(x)
          if (!prev) { grads.set(x, gx); return }
          const total = addInto(prev, gx)
          buffers.hold(total)
          buffers.release(prev)
          buffers.release(gx)
          grads.set(x, total)
        })
        buffers.release(g)
      }
    })
  } finally {
    noteBirths(prevBirths)
  }
}
