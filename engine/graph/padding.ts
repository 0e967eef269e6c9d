// Padding and output-size arithmetic shared by shape inference (engine/graph) and the ops (engine/ops).
// Definitions follow ARCHITECTURE.md: 'same' gives ceil(input / stride) with the odd pixel on the high side,
// 'full' pads kernel_extent − 1 on both sides, 'valid' pads nothing, or explicit [lo, hi] per spatial axis.

export type Padding = 'valid' | 'same' | 'full' | [number, number][]

/** dilated kernel extent: the span of input one kernel application covers */
export const kernelExtent = (kernel: number, dilation = 1): number => dilation * (kernel - 1) + 1

/** [lo, hi] pads per spatial axis for the given input sizes */
export function resolvePadding(
  padding: Padding, input: readonly number[], kernel: readonly number[],
  stride: readonly number[], dilation: readonly number[],
): [number, number][] {
  return input.map((size, axis) => {
    const extent = kernelExtent(kernel[axis], dilation[axis])
    if (padding === 'valid') return [0, 0]
    if (padding === 'full') return [extent - 1, extent - 1]
    if (padding === 'same') {
      const out = Math.ceil(size / stride[axis])
      const total = Math.max((out - 1) * stride[axis] + extent - size, 0)
      const lo = Math.floor(total / 2)
      return [lo, total - lo]
    }
    const pair = padding[axis]
    if (!pair) throw new Error(`explicit padding has ${padding.length} axes, the input has ${input.length}`)
    return [pair[0], pair[1]]
  })
}

/** output size along one axis; may be ≤ 0 when the kernel does not fit (callers report that) */
export const outputSize = (size: number, kernel: number, stride: number, dilation: number, [lo, hi]: [number, number]): number =>
  Math.floor((size + lo + hi - kernelExtent(kernel, dilation)) / stride) + 1
