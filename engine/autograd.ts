// Define-by-run autograd: each differentiable op that sees an input requiring grad records a tape node
// on its output (its inputs and a backward closure written with other ops, so it runs on any backend).
// backward() walks the nodes in reverse topological order, summing gradients of tensors used twice,
// and accumulates into .grad of leaves as PyTorch does. The tape is released as it is consumed.
import { Tensor } from './tensor.ts'
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

const shapeStr = (s: readonly number[]) => `[${s.join(',')}]`
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i])

function addInto(a: Tensor, b: Tensor): Tensor {
  const out = a.backend.alloc(a.size)
  a.backend.run(binary, [a.buffer, b.buffer], [out], { op: 'add', outShape: [a.size], strideX: [1], strideY: [1] })
  return new Tensor(out, a.shape, a.backend)
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
  if (!root.requiresGrad) throw new Error(`backward: tensor ${shapeStr(root.shape)} does not require grad`)
  if (!grad && root.size !== 1) throw new Error(`backward: tensor ${shapeStr(root.shape)} is not a scalar; pass an upstream gradient of its shape`)
  if (grad && !sameShape(grad.shape, root.shape)) throw new Error(`backward: gradient ${shapeStr(grad.shape)} does not match tensor ${shapeStr(root.shape)}`)
  const seed = grad ?? Tensor.full(root.shape, 1)
  const grads = new Map<Tensor, Tensor>([[root, seed]])
  noGrad(() => {
    for (const t of topoOrder(root)) {
      const g = grads.get(t)
      grads.delete(t)
      if (!g) continue
      const node = t.node
      if (!node) {
        t.grad = t.grad ? addInto(t.grad, g) : g
        continue
      }
      if (!node.backward) throw new Error(`backward: the tape through ${node.op} was already used; run the forward pass again`)
      const inGrads = node.backward(g)
      node.backward = null
      node.inputs.forEach((x, i) => {
        const gx = inGrads[i]
        if (!gx || !x.requiresGrad) return
        if (!sameShape(gx.shape, x.shape)) throw new Error(`backward of ${node.op}: gradient ${shapeStr(gx.shape)} for input ${shapeStr(x.shape)}`)
        const prev = grads.get(x)
        grads.set(x, prev ? addInto(prev, gx) : gx)
      })
    }
  })
}
