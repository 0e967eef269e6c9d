// Elementwise primitives as table rows: unary y = f(x, a) with an optional scalar a, and binary
// z = f(x, y) with numpy broadcasting. Each row carries its CPU function and its WGSL expression,
// so adding a function is one line here. Gradients live with the ops (engine/ops/), not here. Very big calls
// are split into element ranges (binary broadcasts: ranges of the outermost axis) over the CPU thread pool.
import type { TypedArray } from '../backend/backend.ts'
import { MIN_SPLIT_STREAMING, splitRanges } from '../backend/cpu/split-ranges.ts'
import { maskPositiveRange, reluRange } from './elementwise-bits.ts'
import { defineKernel } from './kernel.ts'
import { coalesce, contiguousStrides, sizeOf, walkRuns } from './strides.ts'

type Arr = Float32Array | Float64Array | Int32Array
// a call through the table costs a few ns per element (the call site sees every row); the rows on a
// training step's hot path also carry the same math as a whole loop, which the JIT compiles inline
// (over elements begin…end−1)
interface UnaryRow { f: (x: number, a: number) => number; wgsl: string; loop?: (x: Arr, y: Arr, a: number, begin: number, end: number) => void }
interface BinaryRow { f: (x: number, y: number) => number; wgsl: string; loop?: (x: Arr, y: Arr, z: Arr, begin: number, end: number) => void }

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))

export const unaryRows = {
  copy: { f: (x) => x, wgsl: 'x' },
  neg: { f: (x) => -x, wgsl: '-x' },
  exp: { f: Math.exp, wgsl: 'exp(x)' },
  log: { f: Math.log, wgsl: 'log(x)' },
  sqrt: { f: Math.sqrt, wgsl: 'sqrt(x)' },
  abs: { f: Math.abs, wgsl: 'abs(x)' },
  sign: { f: Math.sign, wgsl: 'sign(x)' },
  square: { f: (x) => x * x, wgsl: 'x * x' },
  reciprocal: { f: (x) => 1 / x, wgsl: '1.0 / x' },
  relu: {
    f: (x) => (x > 0 ? x : 0), wgsl: 'select(0.0, x, x > 0.0)',
    loop: (x, y, _a, begin, end) => reluRange(x, y, begin, end),
  },
  sigmoid: { f: sigmoid, wgsl: '1.0 / (1.0 + exp(-x))' },
  tanh: { f: Math.tanh, wgsl: 'tanh(x)' },
  /** x for x > 0, a·x otherwise */
  leakyRelu: { f: (x, a) => (x > 0 ? x : a * x), wgsl: 'select(a * x, x, x > 0.0)' },
  /** the slope of leakyRelu: 1 for x > 0, a otherwise (a = 0 gives relu's) */
  leakySlope: { f: (x, a) => (x > 0 ? 1 : a), wgsl: 'select(a, 1.0, x > 0.0)' },
  addScalar: { f: (x, a) => x + a, wgsl: 'x + a' },
  mulScalar: {
    f: (x, a) => x * a, wgsl: 'x * a',
    loop: (x, y, a, begin, end) => { for (let i = begin; i < end; i++) y[i] = x[i] * a },
  },
  /** a − x */
  rsubScalar: { f: (x, a) => a - x, wgsl: 'a - x' },
  /** a / x */
  rdivScalar: { f: (x, a) => a / x, wgsl: 'a / x' },
  powScalar: { f: (x, a) => x ** a, wgsl: 'powf(x, a)' },
  fill: { f: (_x, a) => a, wgsl: 'a' },
} satisfies Record<string, UnaryRow>

export const binaryRows = {
  add: {
    f: (x, y) => x + y, wgsl: 'x + y',
    loop: (x, y, z, begin, end) => { for (let i = begin; i < end; i++) z[i] = x[i] + y[i] },
  },
  sub: { f: (x, y) => x - y, wgsl: 'x - y' },
  mul: {
    f: (x, y) => x * y, wgsl: 'x * y',
    loop: (x, y, z, begin, end) => { for (let i = begin; i < end; i++) z[i] = x[i] * y[i] },
  },
  div: { f: (x, y) => x / y, wgsl: 'x / y' },
  max: { f: (x, y) => (x >= y ? x : y), wgsl: 'select(y, x, x >= y)' },
  min: { f: (x, y) => (x <= y ? x : y), wgsl: 'select(y, x, x <= y)' },
  pow: { f: (x, y) => x ** y, wgsl: 'powf(x, y)' },
  /** 1 where x equals y, else 0 */
  eq: { f: (x, y) => (x === y ? 1 : 0), wgsl: 'select(0.0, 1.0, x == y)' },
  /** x where y > 0, else 0 (relu's backward: dy masked by the input) */
  maskPositive: {
    f: (x, y) => (y > 0 ? x : 0), wgsl: 'select(0.0, x, y > 0.0)',
    loop: maskPositiveRange,
  },
} satisfies Record<string, BinaryRow>

export type UnaryOp = keyof typeof unaryRows
export type BinaryOp = keyof typeof binaryRows

export interface UnaryParams { op: UnaryOp; a?: number }

/** y[begin…end−1] */
export function unaryRange([x]: TypedArray[], [y]: TypedArray[], { op, a = 0 }: UnaryParams, begin: number, end: number): void {
  const row: UnaryRow = unaryRows[op]
  if (row.loop) return row.loop(x, y, a, begin, end)
  const f = row.f
  for (let i = begin; i < end; i++) y[i] = f(x[i], a)
}

export const unary = defineKernel<UnaryParams>({
  name: 'unary',
  cpu: (inputs, outputs, p) =>
    splitRanges('unary', inputs, outputs, p, outputs[0].length, 2 * outputs[0].length, (b, e) => unaryRange(inputs, outputs, p, b, e), MIN_SPLIT_STREAMING),
  wgsl: ({ op, a = 0 }, { outputs: [n] }) => ({
    inputs: ['bx'], outputs: ['by'], invocations: n, uniforms: { a: ['f32', a] },
    body: `let x = f32(bx[i]); let a = u.a; by[i] = by_t(${unaryRows[op].wgsl});`,
  }),
})

export interface BinaryParams {
  op: BinaryOp
  outShape: number[]
  /** strides of each operand in the output's index space (0 on broadcast axes) */
  strideX: number[]
  strideY: number[]
}

/** same-length operands: z[begin…end−1]; broadcasting: outermost indices begin…end−1 of outShape */
export function binaryRange([x, y]: TypedArray[], [z]: TypedArray[], p: BinaryParams, begin: number, end: number): void {
  const { op, outShape, strideX, strideY } = p
  const row: BinaryRow = binaryRows[op], f = row.f
  if (x.length === z.length && y.length === z.length) {
    if (row.loop) return row.loop(x, y, z, begin, end)
    for (let i = begin; i < end; i++) z[i] = f(x[i], y[i])
    return
  }
  const outer = outShape.length ? z.length / outShape[0] : 0
  const base = [begin * outer, begin * (strideX[0] ?? 0), begin * (strideY[0] ?? 0)]
  const shape = outShape.length ? [end - begin, ...outShape.slice(1)] : []
  walkRuns(shape, [contiguousStrides(shape), strideX, strideY], (_, offsets, n, [, sx, sy]) => {
    const o = base[0] + offsets[0], ox = base[1] + offsets[1], oy = base[2] + offsets[2]
    if (op === 'add' && sx === 1 && sy === 0) {
      const v = y[oy] // a bias added along a run: the hottest broadcast, 4 at a time
      let j = 0
      for (; j + 4 <= n; j += 4) {
        z[o + j] = x[ox + j] + v; z[o + j + 1] = x[ox + j + 1] + v; z[o + j + 2] = x[ox + j + 2] + v; z[o + j + 3] = x[ox + j + 3] + v
      }
      for (; j < n; j++) z[o + j] = x[ox + j] + v
    } else if (sy === 0) {
      const v = y[oy]
      for (let j = 0; j < n; j++) z[o + j] = f(x[ox + j * sx], v)
    } else if (sx === 0) {
      const v = x[ox]
      for (let j = 0; j < n; j++) z[o + j] = f(v, y[oy + j * sy])
    } else for (let j = 0; j < n; j++) z[o + j] = f(x[ox + j * sx], y[oy + j * sy])
  })
}

export const binary = defineKernel<BinaryParams>({
  name: 'binary',
  cpu(inputs, outputs, p) {
    const z = outputs[0]
    if (sizeOf(p.outShape) !== z.length) throw new Error('binary: output size does not match its shape')
    const flat = inputs[0].length === z.length && inputs[1].length === z.length
    const count = flat ? z.length : p.outShape.length ? p.outShape[0] : 1
    splitRanges('binary', inputs, outputs, p, count, 3 * z.length, (b, e) => binaryRange(inputs, outputs, p, b, e), MIN_SPLIT_STREAMING)
  },
  wgsl({ op, outShape, strideX, strideY }) {
    // each invocation finds its operands' offsets from its output index, over the coalesced axes
    const { shape, strides: [, sx, sy] } = coalesce(outShape, [contiguousStrides(outShape), strideX, strideY])
    const steps = shape.map((d, k) => `{ let c = r % ${d}u; r = r / ${d}u; ox += c * ${sx[k]}u; oy += c * ${sy[k]}u; }`).reverse()
    return {
      inputs: ['bx', 'by'], outputs: ['bz'], invocations: sizeOf(outShape),
      body: `var r = i; var ox = 0u; var oy = 0u;\n${steps.join('\n')}
let x = f32(bx[ox]); let y = f32(by[oy]); bz[i] = bz_t(${binaryRows[op].wgsl});`,
    }
  },
})
