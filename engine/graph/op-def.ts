// What every op of the spec declares: its fields, how many inputs it takes, its shape rule, its parameter
// shapes and its FLOPs per image. Shape inference, validation and the runnable layers all read these rows,
// so a parameter's shape is written once. Also the sliding-window arithmetic shared by conv-like ops and pools.

import type { FieldRule } from './fields.ts'
import { kernelExtent, outputSize, resolvePadding, type Padding } from './padding.ts'
import type { NodeSpec } from './spec.ts'

export type Shape = number[]

/** a parameter (or, with trainable false, a running statistic) that a node owns */
export interface ParamDef {
  shape: number[]
  trainable: boolean
  /** how it starts: random by fan-in/fan-out (weights), or a constant */
  init: 'weight' | 'zeros' | 'ones'
  /** inputs and outputs one weight value connects, for He and Glorot */
  fanIn?: number
  fanOut?: number
}

export interface OpDef<N extends NodeSpec = NodeSpec> {
  /** the layer's name as a learner knows it, e.g. "Convolution" */
  title: string
  /** one line saying what it does to the tensor */
  summary: string
  inputs: { min: number; max: number }
  fields: Record<string, FieldRule>
  /** output shape of one image; throws ShapeError saying what does not fit */
  shape(node: N, inputs: Shape[]): Shape
  params?(node: N, inputs: Shape[], out: Shape): Record<string, ParamDef>
  /** forward FLOPs per image: 2 per multiply-add, 1 per other arithmetic step or comparison */
  flops(node: N, inputs: Shape[], out: Shape): number
  /** [lo, hi] padding per spatial axis, for ops that slide a window */
  pads?(node: N, inputs: Shape[]): [number, number][]
}

/** a shape problem in a learner's words; inference attaches the node */
export class ShapeError extends Error {}

export const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1)

/** "6×28×28" */
export const fmt = (shape: readonly number[]): string => shape.join('×')

const axes = (n: number) => `${n} spatial ${n === 1 ? 'axis' : 'axes'}`

/** the input's spatial part; throws when there is none (a flat vector) or too many axes */
export function spatialOf(input: Shape, rankLimit = 3): number[] {
  const rank = input.length - 1
  if (rank < 1) throw new ShapeError(`needs an input with channels and 1 to ${rankLimit} spatial axes, but gets a flat vector of ${input[0]} values`)
  if (rank > rankLimit) throw new ShapeError(`works on inputs with up to ${axes(rankLimit)}, but the input ${fmt(input)} has ${rank}`)
  return input.slice(1)
}

export interface Slide {
  kernel: number[]
  stride: number[]
  dilation: number[]
  pads: [number, number][]
  /** output spatial size */
  out: number[]
}

const padWords = (p: Padding) => (typeof p === 'string' ? `${p} padding` : `padding ${JSON.stringify(p)}`)

/** slides a kernel or window over the input's spatial axes; throws when an axis count differs or it does not fit */
export function slide(
  what: 'kernel' | 'window', input: Shape, kernel: number[],
  stride?: number[], dilation?: number[], padding: Padding = 'valid', rankLimit = 3,
): Slide {
  const spatial = spatialOf(input, rankLimit)
  const rank = spatial.length
  const st = stride ?? kernel.map(() => 1)
  const dil = dilation ?? kernel.map(() => 1)
  for (const [name, v] of [[what, kernel], ['stride', st], ['dilation', dil]] as const) {
    if (v.length !== rank) throw new ShapeError(`${name} ${fmt(v)} has ${v.length} ${v.length === 1 ? 'size' : 'sizes'} but the input ${fmt(input)} has ${axes(rank)}`)
  }
  if (Array.isArray(padding) && padding.length !== rank) {
    throw new ShapeError(`padding lists ${padding.length} axes but the input ${fmt(input)} has ${axes(rank)}`)
  }
  const pads = resolvePadding(padding, spatial, kernel, st, dil)
  const out = spatial.map((n, i) => outputSize(n, kernel[i], st[i], dil[i], pads[i]))
  if (out.some((n) => n < 1)) {
    const extent = kernel.map((k, i) => kernelExtent(k, dil[i]))
    const dilated = dil.some((d) => d > 1) ? ` (dilated to ${fmt(extent)})` : ''
    const inWords = rank === 1 ? `input of length ${spatial[0]}` : `${fmt(spatial)} input`
    throw new ShapeError(`${what} ${fmt(kernel)}${dilated} is larger than the ${inWords} with ${padWords(padding)}`)
  }
  return { kernel, stride: st, dilation: dil, pads, out }
}
